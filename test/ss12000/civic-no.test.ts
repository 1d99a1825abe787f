// persons(civicNo:) takes the forms people type; each reads as the 12 digits SS 12000 stores.
import { readCivicNo } from '../../src/ss12000/civic-no';

const TODAY = new Date('2026-12-03T12:00:00Z');
const read = (input: string) => readCivicNo(input, TODAY);

describe('reading a civic number', () => {
  test.each([
    ['198504121230 (12 digits)', '198504121230'],
    ['19850412-1230', '198504121230'],
    ['8504121230 (10 digits)', '198504121230'],
    ['850412-1230', '198504121230'],
    [' 850412 - 1230 ', '198504121230'],
  ])('%s → 198504121230', (input, expected) => {
    expect(read(input.replace(/ \(.*\)$/, ''))).toEqual({ ok: true, value: expected });
  });

  test('a ten-digit form takes the latest century in which the date has passed', () => {
    // 2012-01-01 has passed on 2026-12-03, 2027-01-01 has not (so 1927).
    const born2012 = `120101${'123'}`;
    const value = read(`${born2012}${checkDigit(born2012)}`);
    expect(value).toEqual({ ok: true, value: `20${born2012}${checkDigit(born2012)}` });
    const born1927 = '270101123';
    expect(read(`${born1927}${checkDigit(born1927)}`)).toEqual({ ok: true, value: `19${born1927}${checkDigit(born1927)}` });
  });

  test('+ marks the 100-year-olds: a century earlier', () => {
    expect(read('850412+1230')).toEqual({ ok: true, value: '188504121230' });
  });

  test('a samordningsnummer (day + 60) and a temporary number with letters read too', () => {
    const coordination = '850472123';
    expect(read(`${coordination}${checkDigit(coordination)}`)).toEqual({ ok: true, value: `19${coordination}${checkDigit(coordination)}` });
    expect(read('20130101TF01')).toEqual({ ok: true, value: '20130101TF01' });
  });

  test.each([
    ['19850412-1234', 'check digit'],
    ['19850412123', 'not a civic number'],
    ['19851312-1230', 'no valid date'],
    ['19850412+1230', '+ with a four-digit year'],
    ['abc', 'not a civic number'],
    ['', 'not a civic number'],
  ])('%s is refused (%s)', (input, problem) => {
    const reading = read(input);
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.problem).toContain(problem);
      // The problem never repeats the number: it goes to the caller's error and maybe a log.
      if (input.length > 3) expect(reading.problem).not.toContain(input.replace(/\D/g, '').slice(0, 6));
    }
  });
});

function checkDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
