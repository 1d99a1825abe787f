// Swedish civic numbers (personnummer, samordningsnummer) as people type them, in the one form
// SS 12000 stores: 12 characters, no separator (Person.civicNo.value).

/** Luhn check digit over a digit string (weights 2,1,2,1… from the left, as Skatteverket computes it). */
export const luhnDigit = (digits: string): number => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
};

export type CivicNoReading = { ok: true; value: string } | { ok: false; problem: string };

// YYYYMMDD or YYMMDD, an optional `-` (or `+`: 100 years or older), then NNNC. A "temporary
// personnummer" of a student register has letters where NNN is (spec: `20130101TF01`).
const FORM = /^(\d{2})?(\d{6})([-+])?([0-9A-Z]{3})(\d)$/;

/**
 * `19850412-1234`, `850412-1234`, `8504121234`, `198504121234` (and `+` for the 100-year-olds) all
 * read as `198504121234`. A ten-digit form gets the century Skatteverket gives it: the latest in
 * which the date is not in the future on `today`, a century earlier with `+`. The check digit must
 * hold, except on a temporary number (letters), which has none.
 */
export function readCivicNo(input: string, today: Date = new Date()): CivicNoReading {
  const match = FORM.exec(input.trim().toUpperCase().replace(/\s+/g, ''));
  if (!match)
    return { ok: false, problem: 'is not a civic number: give 12 digits (YYYYMMDDNNNC) or 10 (YYMMDDNNNC), with or without - or +' };
  const [, century, yymmdd, separator, serial, check] = match as unknown as [
    string,
    string | undefined,
    string,
    string | undefined,
    string,
    string,
  ];
  if (century !== undefined && separator === '+')
    return { ok: false, problem: 'has a + with a four-digit year: + only marks the century of a ten-digit form' };
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6)) % 60; // samordningsnummer: day + 60
  if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, problem: 'has no valid date in it' };
  const temporary = /[A-Z]/.test(serial);
  if (!temporary && luhnDigit(`${yymmdd}${serial}`) !== Number(check))
    return { ok: false, problem: 'has a check digit that does not match (a typo?)' };
  return { ok: true, value: `${century ?? centuryOf(yymmdd, separator === '+', today)}${yymmdd}${serial}${check}` };
}

const centuryOf = (yymmdd: string, hundredOrOlder: boolean, today: Date): string => {
  const todayYymmdd = Number(
    `${String(today.getUTCFullYear() % 100).padStart(2, '0')}${String(today.getUTCMonth() + 1).padStart(2, '0')}${String(today.getUTCDate()).padStart(2, '0')}`,
  );
  const thisCentury = Math.floor(today.getUTCFullYear() / 100);
  const born = Number(yymmdd.slice(0, 2)) * 10_000 + Number(yymmdd.slice(2, 4)) * 100 + (Number(yymmdd.slice(4, 6)) % 60);
  const century = (born <= todayYymmdd ? thisCentury : thisCentury - 1) - (hundredOrOlder ? 1 : 0);
  return String(century);
};
