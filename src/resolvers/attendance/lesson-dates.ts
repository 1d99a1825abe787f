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
