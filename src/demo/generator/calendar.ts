// School days of the term and Swedish local time (Europe/Stockholm) without a tz database:
// summer time runs from the last Sunday of March to the last Sunday of October.

export interface SchoolDay {
  /** YYYY-MM-DD */
  readonly date: string;
  /** 1 = Monday … 5 = Friday */
  readonly weekday: number;
  /** '+02:00' or '+01:00' */
  readonly offset: string;
}

const DAY_MS = 86_400_000;

const lastSunday = (year: number, month: number): number => {
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY_MS;
};

const offsetOf = (utcMidnight: number): string => {
  const year = new Date(utcMidnight).getUTCFullYear();
  return utcMidnight >= lastSunday(year, 2) && utcMidnight < lastSunday(year, 9) ? '+02:00' : '+01:00';
};

const isoWeek = (utcMidnight: number): number => {
  const d = new Date(utcMidnight);
  const thursday = utcMidnight + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / DAY_MS / 7) + 1;
};

/** Monday–Friday from start to end inclusive, skipping the autumn break (höstlov, ISO week 44). */
export const schoolDays = (start: string, end: string): SchoolDay[] => {
  const days: SchoolDay[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += DAY_MS) {
    const weekday = new Date(t).getUTCDay();
    if (weekday === 0 || weekday === 6 || isoWeek(t) === 44) continue;
    days.push({ date: new Date(t).toISOString().slice(0, 10), weekday, offset: offsetOf(t) });
  }
  return days;
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** RFC 3339 local time for a minute of the day, e.g. 2026-08-17T08:10:00+02:00. */
export const localTime = (day: SchoolDay, minuteOfDay: number): string =>
  `${day.date}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:00${day.offset}`;

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
