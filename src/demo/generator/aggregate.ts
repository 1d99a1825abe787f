import type { AggregatedAttendanceQuery, Collection } from '../dataset';
import type * as W from '../../ss12000/wire';
import { ATTENDED, INVALID, lessonMinutes, OFFERED, OTHER, REPORTED, VALID } from './attendance-model';
import type { AttendanceSource } from './attendances';
import type { CalendarEventSource } from './calendar-events';
import type { LazyCollection } from './lazy-collection';
import type { ActivityInfo, World } from './model';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Sums {
  activity: { id: string };
  student: { id: string };
  /** attended, valid, invalid, other, reported, offered */
  m: number[];
}

export interface AggregateContext {
  world: World;
  attendances: LazyCollection<W.Attendance>;
  attendanceSource: AttendanceSource;
  calendarEvents: Collection<W.CalendarEvent>;
  calendarSource: CalendarEventSource;
  activities: Collection<W.Activity>;
}

const rowOf = (
  q: AggregatedAttendanceQuery,
  activity: { id: string },
  student: { id: string },
  m: ArrayLike<number>,
): W.AggregatedAttendance => ({
  activity,
  student,
  startDate: q.startDate,
  endDate: q.endDate,
  attendanceSum: m[0] as number,
  validAbsenceSum: m[1] as number,
  invalidAbsenceSum: m[2] as number,
  otherAttendanceSum: m[3] as number,
  reportedSum: m[4] as number,
  offeredSum: m[5] as number,
});

/** First event index in [from, to) whose day is >= day (events of an activity are in day order). */
const lowerBound = (days: Uint16Array, from: number, to: number, day: number): number => {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if ((days[mid] as number) < day) from = mid + 1;
    else to = mid;
  }
  return from;
};

/**
 * Written rows (overlay): resolved through their calendar event and its activity, wherever
 * those come from, and summed per (activity, student).
 */
const writtenSums = (ctx: AggregateContext, q: AggregatedAttendanceQuery, students: Set<string> | undefined): Map<string, Sums> => {
  const sums = new Map<string, Sums>();
  for (const row of ctx.attendances.written()) {
    if (students && !students.has(row.student.id)) continue;
    const event = ctx.calendarEvents.get(row.calendarEvent.id);
    if (!event) continue;
    const date = event.startTime.slice(0, 10);
    if (date < q.startDate || date > q.endDate) continue;
    const a = ctx.calendarSource.activityOf(event.activity.id);
    const info = a === undefined ? undefined : ctx.world.activities[a];
    const activity = ctx.activities.get(event.activity.id);
    if (q.organisation && activity?.organisation.id !== q.organisation) continue;
    if (q.schoolType && (!info || !q.schoolType.includes(info.schoolType))) continue;
    const key = `${event.activity.id} ${row.student.id}`;
    const entry = sums.get(key) ?? { activity: event.activity, student: row.student, m: [0, 0, 0, 0, 0, 0] };
    const minutes = event.teachingLengthStudent ?? Math.round((Date.parse(event.endTime) - Date.parse(event.startTime)) / 60_000);
    entry.m[0] += row.attendanceMinutes ?? 0;
    entry.m[1] += row.validAbsenceMinutes ?? 0;
    entry.m[2] += row.invalidAbsenceMinutes ?? 0;
    entry.m[3] += row.otherAttendanceMinutes ?? 0;
    entry.m[4] += row.isReported ? minutes : 0;
    entry.m[5] += minutes;
    sums.set(key, entry);
  }
  return sums;
};

/**
 * /aggregatedAttendance: one row per (activity, student) with a lesson in the inclusive date
 * window, filtered by the activity's organisation and school type and by student, summed
 * from exactly the rows /attendances serves — generated rows that were not overwritten
 * plus every written row. Order: activities in order, students in group order (then students
 * an exception added to one of its lessons), then rows that only writes produced.
 */
export function* aggregatedAttendance(ctx: AggregateContext, q: AggregatedAttendanceQuery): IterableIterator<W.AggregatedAttendance> {
  if (!DATE.test(q.startDate) || !DATE.test(q.endDate)) {
    throw new RangeError('aggregatedAttendance: startDate and endDate must be dates YYYY-MM-DD');
  }
  const { world, attendances, attendanceSource } = ctx;
  const students = q.student ? new Set(q.student) : undefined;
  const written = attendances.hasWrites ? writtenSums(ctx, q, students) : new Map<string, Sums>();
  const touched = attendances.hasWrites;
  let d0 = world.days.findIndex((d) => d.date >= q.startDate);
  if (d0 < 0) d0 = world.days.length;
  let d1 = world.days.length;
  while (d1 > 0 && (world.days[d1 - 1] as World['days'][number]).date > q.endDate) d1--;
  const m = new Int32Array(8);
  const sum = [0, 0, 0, 0, 0, 0];
  const studentFilter = students
    ? new Set([...students].map((id) => world.studentIndex.get(id)).filter((s): s is number => s !== undefined))
    : undefined;
  if (d0 < d1) {
    for (const info of world.activities as ActivityInfo[]) {
      if (q.organisation && world.units[info.unit]?.ref.id !== q.organisation) continue;
      if (q.schoolType && !q.schoolType.includes(info.schoolType)) continue;
      const end = info.firstEvent + info.eventCount;
      const from = lowerBound(world.schedule.day, info.firstEvent, end, d0);
      const to = lowerBound(world.schedule.day, from, end, d1);
      if (from === to) continue;
      // Per lesson in the window: -2 cancelled, else the member an exception excuses (or -1); and who joins (or -1).
      const excused = new Int32Array(to - from);
      const joins = new Int32Array(to - from);
      for (let e = from; e < to; e++) {
        excused[e - from] = world.exceptions.cancelled(e) ? -2 : world.exceptions.absentMember(e);
        joins[e - from] = world.exceptions.guest(e);
      }
      const generatedSums = (s: number, member: boolean): number => {
        sum.fill(0);
        let rows = 0;
        for (let e = from; e < to; e++) {
          const expected = member ? excused[e - from] !== -2 && excused[e - from] !== s : joins[e - from] === s;
          if (!expected) continue;
          if (touched && attendances.touches(attendanceSource.keyOf(e, s))) continue;
          lessonMinutes(world, e, s, m);
          sum[0] += m[ATTENDED] as number;
          sum[1] += m[VALID] as number;
          sum[2] += m[INVALID] as number;
          sum[3] += m[OTHER] as number;
          sum[4] += m[REPORTED] as number;
          sum[5] += m[OFFERED] as number;
          rows++;
        }
        return rows;
      };
      // Members in group order, then students who joined a lesson as a studentException.
      const students: number[] = Array.from(info.members);
      const memberCount = students.length;
      for (const guest of joins) if (guest >= 0 && !students.includes(guest)) students.push(guest);
      for (let i = 0; i < students.length; i++) {
        const s = students[i] as number;
        if (studentFilter && !studentFilter.has(s)) continue;
        let rows = generatedSums(s, i < memberCount);
        const student = { id: world.studentIds[s] as string };
        const extra = touched ? written.get(`${info.ref.id} ${student.id}`) : undefined;
        if (extra) {
          written.delete(`${info.ref.id} ${student.id}`);
          for (let k = 0; k < 6; k++) sum[k] = (sum[k] as number) + (extra.m[k] as number);
          rows++;
        }
        if (rows > 0) yield rowOf(q, info.ref, student, sum);
      }
    }
  }
  for (const extra of written.values()) yield rowOf(q, extra.activity, extra.student, extra.m);
}
