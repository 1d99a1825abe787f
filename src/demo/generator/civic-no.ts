// Swedish personnummer, 12 digits YYYYMMDDNNNC: the check digit C is the Luhn digit over
// YYMMDDNNN (the last ten digits minus C); the ninth digit of those ten (penultimate of the
// number) is odd for men and even for women.
import { luhnDigit } from '../../ss12000/civic-no';

export const isValidCivicNo = (value: string): boolean => /^\d{12}$/.test(value) && luhnDigit(value.slice(2, 11)) === Number(value[11]);

export type Sex = 'Man' | 'Kvinna';

/** Builds a civic number from a birth date (YYYY-MM-DD), a serial 0–499 (unique per date and sex) and the sex (sets the parity digit). */
export const civicNo = (birthDate: string, serial: number, sex: Sex): string => {
  const parity = sex === 'Man' ? 1 : 0;
  // Serial 0..499: the first two digits of NNN are serial / 5; the third is the sex digit: 0,2,4,6,8 or 1,3,5,7,9.
  const third = ((serial % 5) * 2 + parity) % 10;
  const nnn = `${String(Math.floor(serial / 5) % 100).padStart(2, '0')}${third}`;
  const body = `${birthDate.replace(/-/g, '')}${nnn}`;
  return `${body}${luhnDigit(body.slice(2))}`;
};

export const sexOfCivicNo = (value: string): Sex => (Number(value[10]) % 2 === 1 ? 'Man' : 'Kvinna');
