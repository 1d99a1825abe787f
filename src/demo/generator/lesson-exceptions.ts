// Deviations from the weekly timetable on single lessons, as SS 12000 records them on a
// CalendarEvent: `cancelled`, `studentExceptions` and `teacherExceptions`. Attendance rows,
// aggregates and the calendar-event filters all read them from here, so a lesson's expected
// students are the same wherever they are counted.
import type { ActivityInfo, Schedule, UnitInfo } from './model';
import { hash } from './random';

/** What the exceptions are decided from: the world before its exceptions exist. */
export interface ExceptionInputs {
  readonly seed: number;
  readonly units: readonly UnitInfo[];
  readonly activities: readonly ActivityInfo[];
  readonly schedule: Schedule;
  readonly studentActivityOffsets: Int32Array;
  readonly studentActivityList: Int32Array;
}

export interface LessonExceptions {
  /** The lesson does not take place: no attendance is expected. */
  cancelled(e: number): boolean;
  /** A member who does not take part in this lesson (participates: false), or -1. */
  absentMember(e: number): number;
  /** A student from a parallel class, free at that time, who joins this lesson (participates: true), or -1. */
  guest(e: number): number;
  /** Events student s joins as a guest, in event order. */
  guestEvents(s: number): readonly number[];
  /** Index into the unit's teacherDuties of the teacher standing in for the activity's teacher, or -1. */
  substitute(e: number): number;
  /** Events the duty stands in at, in event order. */
  substituteEvents(dutyId: string): readonly number[];
}

/** One lesson in a hundred is cancelled (a study visit, a teacher away without cover). */
const isCancelled = (seed: number, e: number): boolean => hash(seed, e, 0xcac) % 100 === 0;

const NONE: readonly number[] = [];

/** First event index in [from, to) whose day is >= day (an activity's events are in day order). */
export const firstOnOrAfter = (days: Uint16Array, from: number, to: number, day: number): number => {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if ((days[mid] as number) < day) from = mid + 1;
    else to = mid;
  }
  return from;
};

/**
 * Draws the exceptions once at build: about 3 % of lessons have a member taking part elsewhere
 * (special support, a parallel course), 3 % a substitute teacher from the unit who is free then,
 * and up to 2 % a student of a parallel class (same unit and year) with a free period who joins. Cancelled lessons have none.
 */
export const buildLessonExceptions = (world: ExceptionInputs): LessonExceptions => {
  const { seed, schedule, activities, units } = world;
  const activityOf = (e: number): ActivityInfo => activities[schedule.activity[e] as number] as ActivityInfo;
  const overlaps = (e: number, day: number, start: number, end: number): boolean => {
    const s = schedule.start[e] as number;
    return (schedule.day[e] as number) === day && s < end && start < s + (schedule.minutes[e] as number) && !isCancelled(seed, e);
  };
  const busyIn = (activityIndexes: Iterable<number>, day: number, start: number, end: number): boolean => {
    for (const a of activityIndexes) {
      const info = activities[a] as ActivityInfo;
      const last = info.firstEvent + info.eventCount;
      for (let e = firstOnOrAfter(schedule.day, info.firstEvent, last, day); e < last && schedule.day[e] === day; e++) {
        if (overlaps(e, day, start, end)) return true;
      }
    }
    return false;
  };

  const teacherActivities = new Map<string, number[]>();
  // Per unit, school type and year: each class's students (from its first activity).
  const classesOfYear = new Map<string, Map<string, Int32Array>>();
  const yearOf = (a: ActivityInfo): string => `${a.unit} ${a.schoolType} ${a.schoolYear}`;
  activities.forEach((a, i) => {
    const list = teacherActivities.get(a.teacherDuty.id) ?? [];
    list.push(i);
    teacherActivities.set(a.teacherDuty.id, list);
    const classes = classesOfYear.get(yearOf(a)) ?? new Map<string, Int32Array>();
    if (!classes.has(a.className)) classes.set(a.className, a.members);
    classesOfYear.set(yearOf(a), classes);
  });
  const append = <K>(map: Map<K, number[]>, key: K, e: number): void => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };

  const absent = new Map<number, number>();
  const guests = new Map<number, number>();
  const guestEventsOf = new Map<number, number[]>();
  const substitutes = new Map<number, number>();
  const substituteEventsOf = new Map<string, number[]>();
  const activitiesOfStudent = (s: number): Int32Array =>
    world.studentActivityList.subarray(world.studentActivityOffsets[s] as number, world.studentActivityOffsets[s + 1] as number);

  for (let e = 0; e < schedule.count; e++) {
    if (isCancelled(seed, e)) continue;
    const info = activityOf(e);
    const day = schedule.day[e] as number;
    const start = schedule.start[e] as number;
    const end = start + (schedule.minutes[e] as number);
    const h = hash(seed, e, 0xe7c);
    if (h % 100 < 3 && info.members.length > 1) absent.set(e, info.members[(h >>> 8) % info.members.length] as number);
    if ((h >>> 16) % 100 < 3) {
      const unit = units[info.unit] as UnitInfo;
      const n = unit.teacherDuties.length;
      for (let step = 1; step < n; step++) {
        const t = ((h >>> 4) + step) % n;
        const duty = (unit.teacherDuties[t] as { id: string }).id;
        if (duty === info.teacherDuty.id || busyIn(teacherActivities.get(duty) ?? NONE, day, start, end)) continue;
        if ((substituteEventsOf.get(duty) ?? NONE).some((other) => overlaps(other, day, start, end))) continue;
        substitutes.set(e, t);
        append(substituteEventsOf, duty, e);
        break;
      }
    }
    if (hash(seed, e, 0x9e5) % 100 < 2) {
      const pool: number[] = [];
      for (const [className, members] of classesOfYear.get(yearOf(info)) ?? []) if (className !== info.className) pool.push(...members);
      for (let attempt = 0; attempt < 8 && pool.length > 0; attempt++) {
        const s = pool[hash(seed, e, attempt, 0x9e6) % pool.length] as number;
        if (info.members.includes(s) || busyIn(activitiesOfStudent(s), day, start, end)) continue;
        if ((guestEventsOf.get(s) ?? NONE).some((other) => overlaps(other, day, start, end))) continue;
        guests.set(e, s);
        append(guestEventsOf, s, e);
        break;
      }
    }
  }
  return {
    cancelled: (e) => isCancelled(seed, e),
    absentMember: (e) => absent.get(e) ?? -1,
    guest: (e) => guests.get(e) ?? -1,
    guestEvents: (s) => guestEventsOf.get(s) ?? NONE,
    substitute: (e) => substitutes.get(e) ?? -1,
    substituteEvents: (dutyId) => substituteEventsOf.get(dutyId) ?? NONE,
  };
};
