// Attendance rows carry no date: the date is the calendar event's, which the schedule producer owns.
// A date range on Person.attendances is the one place this subgraph reads another producer, and it
// reads only start times, through the per-request loader (one batched /calendarEvents/lookup), never
// resolving schedule's entities itself. Dates are compared in Swedish local time: a lesson at
// 00:30 CET is on that Swedish day, not the UTC day before.
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';

const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD of a lesson's start time in Europe/Stockholm. */
export const lessonDate = (startTime: string): string => swedishDate.format(new Date(startTime));

/** calendarEvent id → YYYY-MM-DD of its start in Europe/Stockholm; unknown events are left out. */
export async function lessonDatesOf(ctx: SubgraphContext, rows: readonly W.Attendance[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => row.calendarEvent.id))];
  const events = await ctx.sources.schedule.loadMany('calendarEvents', ids);
  const dates = new Map<string, string>();
  for (const event of events) if (event) dates.set(event.id, lessonDate(event.startTime));
  return dates;
}

const NO_TIME = Number.NaN;
const timeOf = (text: string | undefined): number => (text === undefined ? NO_TIME : Date.parse(text));
/** Known times first, earliest first; unknown ones after, as they came. */
const earliestKnownFirst = (a: number, b: number): number =>
  Number.isNaN(a) || Number.isNaN(b) ? (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1) : a - b;

/**
 * `rows` in the order of their lessons (the domain's order of a student's attendance: SS 12000's
 * Attendance has no time of its own but `reportedTimestamp`). The lessons' start times come through
 * the same batched, cached loader as the date windows above, so a window costs no second lookup.
 * A lesson the schedule producer does not know, or every lesson when it cannot be asked (its failure
 * is logged and counted by its client), leaves the row ordered by `reportedTimestamp`, after the
 * rows whose lesson is known: the attendance is still served, in the best order known.
 */
export async function inLessonOrder(ctx: SubgraphContext, rows: readonly W.Attendance[]): Promise<W.Attendance[]> {
  if (rows.length < 2) return [...rows];
  const ids = [...new Set(rows.map((row) => row.calendarEvent.id))];
  const starts = new Map<string, number>();
  try {
    for (const event of await ctx.sources.schedule.loadMany('calendarEvents', ids))
      if (event) starts.set(event.id, timeOf(event.startTime));
  } catch {
    starts.clear();
  }
  const lesson = (row: W.Attendance): number => starts.get(row.calendarEvent.id) ?? NO_TIME;
  return [...rows].sort(
    (a, b) => earliestKnownFirst(lesson(a), lesson(b)) || earliestKnownFirst(timeOf(a.reportedTimestamp), timeOf(b.reportedTimestamp)),
  );
}
