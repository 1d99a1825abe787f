// The summary computed independently, straight from the generator's per-lesson rows
// (dataset.attendances) joined with its calendar events and activities: what the gateway must match.
import type { Dataset } from '../../../src/demo/dataset';

export interface ExpectedFigures {
  studentCount: number;
  offeredMinutes: number;
  attendedMinutes: number;
  validAbsenceMinutes: number;
  invalidAbsenceMinutes: number;
  otherMinutes: number;
  reportedMinutes: number;
}

export interface Lesson {
  unit: string;
  activity: string;
  groups: string[];
  student: string;
}

const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** key → figures, keys chosen per lesson by `keysOf` (a lesson of a two-group activity counts in both groups). */
export function expectedSummary(
  dataset: Dataset,
  window: { startDate: string; endDate: string },
  keysOf: (lesson: Lesson) => string[],
  keep: (lesson: Lesson) => boolean = () => true,
): Map<string, ExpectedFigures> {
  const sums = new Map<string, { students: Set<string>; m: number[] }>();
  for (const row of dataset.attendances.values()) {
    const event = dataset.calendarEvents.get(row.calendarEvent.id)!;
    const date = swedishDate.format(new Date(event.startTime));
    if (date < window.startDate || date > window.endDate) continue;
    const activity = dataset.activities.get(event.activity.id)!;
    const lesson = {
      unit: activity.organisation.id,
      activity: activity.id,
      groups: (activity.groups ?? []).map((g) => g.id),
      student: row.student.id,
    };
    if (!keep(lesson)) continue;
    const minutes = event.teachingLengthStudent ?? (Date.parse(event.endTime) - Date.parse(event.startTime)) / 60_000;
    for (const key of keysOf(lesson)) {
      const entry = sums.get(key) ?? { students: new Set<string>(), m: [0, 0, 0, 0, 0, 0] };
      entry.students.add(row.student.id);
      entry.m[0]! += minutes;
      entry.m[1]! += row.attendanceMinutes ?? 0;
      entry.m[2]! += row.validAbsenceMinutes ?? 0;
      entry.m[3]! += row.invalidAbsenceMinutes ?? 0;
      entry.m[4]! += row.otherAttendanceMinutes ?? 0;
      entry.m[5]! += row.isReported ? minutes : 0;
      sums.set(key, entry);
    }
  }
  const out = new Map<string, ExpectedFigures>();
  for (const [key, { students, m }] of sums) {
    out.set(key, {
      studentCount: students.size,
      offeredMinutes: m[0]!,
      attendedMinutes: m[1]!,
      validAbsenceMinutes: m[2]!,
      invalidAbsenceMinutes: m[3]!,
      otherMinutes: m[4]!,
      reportedMinutes: m[5]!,
    });
  }
  return out;
}
