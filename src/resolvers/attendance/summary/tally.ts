// Running sums of one output row. Minutes are added as producer pages arrive; nothing of the
// input rows is kept but the distinct student ids (studentCount needs them).

/** Minute columns, in the order a fact carries them. */
export const ATTENDED = 0;
export const VALID_ABSENCE = 1;
export const INVALID_ABSENCE = 2;
export const OTHER = 3;
export const REPORTED = 4;
export const OFFERED = 5;

/** One (activity, student) contribution in minutes: attended, valid, invalid, other, reported, offered. */
export type Minutes = readonly [number, number, number, number, number, number];

export class Tally {
  readonly minutes = [0, 0, 0, 0, 0, 0];
  readonly students = new Set<string>();

  add(student: string, minutes: Minutes): void {
    this.students.add(student);
    for (let i = 0; i < 6; i++) this.minutes[i]! += minutes[i];
  }
}

/** What the graph shows of a tally. Rates are fractions of offered minutes, null when nothing was offered. */
export interface Figures {
  studentCount: number;
  offeredMinutes: number;
  attendedMinutes: number;
  validAbsenceMinutes: number;
  invalidAbsenceMinutes: number;
  otherMinutes: number;
  reportedMinutes: number;
  absenceRate: number | null;
  invalidAbsenceRate: number | null;
}

export function figuresOf(tally: Tally): Figures {
  const m = tally.minutes;
  const offered = m[OFFERED]!;
  const rate = (minutes: number): number | null => (offered === 0 ? null : minutes / offered);
  return {
    studentCount: tally.students.size,
    offeredMinutes: offered,
    attendedMinutes: m[ATTENDED]!,
    validAbsenceMinutes: m[VALID_ABSENCE]!,
    invalidAbsenceMinutes: m[INVALID_ABSENCE]!,
    otherMinutes: m[OTHER]!,
    reportedMinutes: m[REPORTED]!,
    absenceRate: rate(m[VALID_ABSENCE]! + m[INVALID_ABSENCE]!),
    invalidAbsenceRate: rate(m[INVALID_ABSENCE]!),
  };
}
