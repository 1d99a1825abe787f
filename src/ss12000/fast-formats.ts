// The `date`, `time`, `date-time` and `uuid` formats, accepting exactly what ajv-formats' full mode
// accepts, read character by character. ajv-formats runs a capturing regex (and for date-time a
// split) per value: an array or two per date in every producer row, the largest part of payload
// validation's CPU and garbage (bench/graph/README.md). test/ss12000/fast-formats.test.ts holds
// them to ajv-formats' answers.

const ZERO = 48;
const isDigit = (code: number): boolean => code >= ZERO && code <= ZERO + 9;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** The number the digits at [from, to) spell, or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + code - ZERO;
  }
  return value;
}

/** RFC 3339 full-date `YYYY-MM-DD`, a real calendar day. */
export function isDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]!);
}

/**
 * RFC 3339 full-time `HH:MM:SS[.fraction](Z|±HH[:]MM|±HH)` with a required offset (ajv's strict
 * time zone); the hour and minute may be anything two digits spell, as in ajv-formats, but a value
 * over 23:59 only as the leap second 23:59:60 UTC.
 */
export function isTime(text: string): boolean {
  const length = text.length;
  if (length < 9 || text.charCodeAt(2) !== 58 || text.charCodeAt(5) !== 58) return false;
  const hour = digits(text, 0, 2);
  const minute = digits(text, 3, 5);
  const wholeSecond = digits(text, 6, 8);
  if (hour < 0 || minute < 0 || wholeSecond < 0) return false;
  let at = 8;
  let fraction = false;
  if (text.charCodeAt(at) === 46) {
    const start = ++at;
    while (at < length && isDigit(text.charCodeAt(at))) at++;
    if (at === start) return false;
    fraction = true;
  }
  const fractionEnd = at;
  if (at >= length) return false;
  const zone = text.charCodeAt(at);
  let zoneSign = 1;
  let zoneHour = 0;
  let zoneMinute = 0;
  if (zone === 90 || zone === 122) {
    if (at + 1 !== length) return false;
  } else if (zone === 43 || zone === 45) {
    zoneSign = zone === 45 ? -1 : 1;
    const rest = length - at - 1;
    zoneHour = digits(text, at + 1, at + 3);
    if (rest === 2) zoneMinute = 0;
    else if (rest === 4) zoneMinute = digits(text, at + 3, at + 5);
    else if (rest === 5 && text.charCodeAt(at + 3) === 58) zoneMinute = digits(text, at + 4, at + 6);
    else return false;
    if (zoneHour < 0 || zoneMinute < 0) return false;
  } else return false;
  if (zoneHour > 23 || zoneMinute > 59) return false;
  // The seconds as ajv reads them, fraction included: 59.5 < 60, 60.0 is not.
  const second = fraction ? Number(text.slice(6, fractionEnd)) : wholeSecond;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - zoneMinute * zoneSign;
  const utcHour = hour - zoneHour * zoneSign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

/**
 * `date` `T` `time`; ajv-formats splits on every `t`, `T` or whitespace and wants two parts. A
 * date is 10 characters, so its separator is the 11th; neither part can hold another (isDate and
 * isTime accept none of them).
 */
export function isDateTime(text: string): boolean {
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 116 && !/\s/.test(text.charAt(10))) return false;
  return isDate(text.slice(0, 10)) && isTime(text.slice(11));
}

const isHex = (code: number): boolean => isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);

/** RFC 4122 textual UUID (any version, either case), optionally prefixed `urn:uuid:`. */
export function isUuid(text: string): boolean {
  const start = text.length === 45 && text.slice(0, 9).toLowerCase() === 'urn:uuid:' ? 9 : 0;
  if (text.length - start !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = text.charCodeAt(start + i);
    if (i === 8 || i === 13 || i === 18 || i === 23 ? code !== 45 : !isHex(code)) return false;
  }
  return true;
}
