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

export interface WeeklySlot {
  /** 1 = Monday … 5 = Friday */
  readonly weekday: number;
  readonly period: number;
}

/**
 * A class's week: lessons fill the mornings of all five days before the afternoons (so days
 * end early rather than having holes), and which subject lands where is shuffled.
 * Returns, per requested lesson count, that many slots; no two lessons of a class overlap.
 */
export const weekFor = (lessonCounts: readonly number[], random: Random, periodsPerDay = PERIODS.length): WeeklySlot[][] => {
  const free: WeeklySlot[] = [];
  for (let period = 0; period < periodsPerDay; period++) {
    const days = random.shuffle([1, 2, 3, 4, 5]);
    for (const weekday of days) free.push({ weekday, period });
  }
  const total = lessonCounts.reduce((a, b) => a + b, 0);
  if (total > free.length) throw new RangeError(`timetable: ${total} lessons do not fit a ${free.length}-slot week`);
  const owners = lessonCounts.flatMap((count, activity) => Array.from({ length: count }, () => activity));
  random.shuffle(owners);
  const slots: WeeklySlot[][] = lessonCounts.map(() => []);
  owners.forEach((activity, i) => slots[activity]?.push(free[i] as WeeklySlot));
  for (const list of slots) list.sort((a, b) => a.weekday - b.weekday || a.period - b.period);
  return slots;
};
