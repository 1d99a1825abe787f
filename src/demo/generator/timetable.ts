import type { Random } from './random';

/** Lesson periods of a school day: start minute and length (08:10, 09:20, 10:35, lunch, 12:35, 13:45, 14:55). */
export const PERIODS: readonly (readonly [number, number])[] = [
  [490, 60],
  [560, 60],
  [635, 60],
  [755, 60],
  [825, 60],
  [895, 50],
];

/**
 * Mentor time (mentorstid), 12:10–12:30: inside the lunch break, which no lesson period touches, so it
 * can only clash with other mentor time. Kept out of PERIODS: weekFor draws over those, and one more
 * period would shift every draw after it.
 */
export const MENTOR_TIME: readonly [number, number] = [730, 20];
/** The `period` of a mentor-time slot. */
export const MENTOR_PERIOD = -1;

export interface WeeklySlot {
  /** 1 = Monday … 5 = Friday */
  readonly weekday: number;
  /** Index into PERIODS, or MENTOR_PERIOD. */
  readonly period: number;
}

/** Start minute and length of a weekly slot. */
export const timeOf = (slot: WeeklySlot): readonly [number, number] =>
  slot.period === MENTOR_PERIOD ? MENTOR_TIME : (PERIODS[slot.period] as readonly [number, number]);

/** Picks `count` of the class's still free slots for one activity (the teacher's, the room's free ones when it can). */
export type SlotChooser = (activity: number, free: readonly WeeklySlot[], count: number) => WeeklySlot[];

/**
 * A class's week: lessons fill the mornings of all five days before the afternoons (so days end early
 * rather than having holes), in a shuffled order; each activity in turn takes the `count` slots `choose`
 * picks from the class's free ones, so a teacher or room booked elsewhere can be avoided.
 * Returns, per requested lesson count, that many slots; no two lessons of a class overlap.
 */
export const weekFor = (
  lessonCounts: readonly number[],
  random: Random,
  choose: SlotChooser,
  periodsPerDay = PERIODS.length,
): WeeklySlot[][] => {
  let free: WeeklySlot[] = [];
  for (let period = 0; period < periodsPerDay; period++) {
    const days = random.shuffle([1, 2, 3, 4, 5]);
    for (const weekday of days) free.push({ weekday, period });
  }
  const total = lessonCounts.reduce((a, b) => a + b, 0);
  if (total > free.length) throw new RangeError(`timetable: ${total} lessons do not fit a ${free.length}-slot week`);
  // The draw that once decided who gets which slot, kept so that later draws of this stream stay where they were.
  random.shuffle(lessonCounts.flatMap((count, activity) => Array.from({ length: count }, () => activity)));
  return lessonCounts.map((count, activity) => {
    const taken = choose(activity, free, count);
    const set = new Set(taken);
    free = free.filter((slot) => !set.has(slot));
    return [...taken].sort((a, b) => a.weekday - b.weekday || a.period - b.period);
  });
};
