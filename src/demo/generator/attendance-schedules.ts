import type * as W from '../../ss12000/wire';
import { metaBefore } from './meta';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

export const WEEKDAYS = ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag'] as const;

export const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Minutes after midnight of an entry's `HH:MM` time. */
export const minuteOf = (time: unknown): number => {
  const [hours, minutes] = String(time).split(':');
  return Number(hours) * 60 + Number(minutes);
};

export type ScheduleEntry = NonNullable<W.AttendanceSchedule['scheduleEntries']>[number];

/**
 * The spec types `endTime` integer but describes it as `HH:MM` text, the form producers send:
 * one place to make that entry.
 */
export const entry = (weekOffset: number, dayOfWeek: ScheduleEntry['dayOfWeek'], start: number, end: number): ScheduleEntry => ({
  weekOffset,
  dayOfWeek,
  startTime: hhmm(start),
  endTime: hhmm(end) as unknown as number,
});

/** The weeks of one child's schedule, within `budget` minutes a week. */
export type WeekPlan = (random: Random, budget: number) => { numberOfWeeks: number; scheduleEntries: ScheduleEntry[] };

/**
 * Fritidshem: afternoons from 13:30; a third of the children come before school too; some
 * families alternate between two weeks.
 */
export const fritidsWeeks: WeekPlan = (random, budget) => {
  const numberOfWeeks = random.chance(0.2) ? 2 : 1;
  const morning = random.chance(0.33);
  const scheduleEntries: ScheduleEntry[] = [];
  for (let week = 0; week < numberOfWeeks; week++) {
    let used = 0;
    for (const dayOfWeek of WEEKDAYS) {
      const end = 15 * 60 + random.between(0, 8) * 15;
      const afternoon = end - 13 * 60 - 30;
      // A short Friday in the second week of an alternating schedule.
      if (week === 1 && dayOfWeek === 'Fredag') continue;
      if (morning && used + afternoon + 60 <= budget) {
        scheduleEntries.push(entry(week, dayOfWeek, 7 * 60, 8 * 60));
        used += 60;
      }
      if (used + afternoon > budget) continue;
      scheduleEntries.push(entry(week, dayOfWeek, 13 * 60 + 30, end));
      used += afternoon;
    }
  }
  return { numberOfWeeks, scheduleEntries };
};

/**
 * Vistelseschema: one approved AttendanceSchedule per placement, the times the guardians said the
 * child will be there (`plan` shapes the weeks), within the placement's maxWeeklyScheduleHours.
 * The spec requires `scheduleDays` without defining it (a slip); rows carry it empty.
 */
export const buildAttendanceSchedules = (
  config: GeneratorConfig,
  placements: readonly W.Placement[],
  random: Random,
  plan: WeekPlan = fritidsWeeks,
): W.AttendanceSchedule[] =>
  placements.map((placement) => {
    const { numberOfWeeks, scheduleEntries } = plan(random, (placement.maxWeeklyScheduleHours ?? 20) * 60);
    const meta = metaBefore(random, config.termStart);
    const guardian = placement.owners?.[0];
    return {
      id: random.uuid(),
      meta,
      placement: { id: placement.id },
      numberOfWeeks,
      startDate: placement.startDate,
      ...(placement.endDate ? { endDate: placement.endDate } : {}),
      temporary: false,
      state: [{ state: 'Godkänt', registeredAt: meta.created, ...(guardian ? { registeredBy: { id: guardian.id } } : {}) }],
      scheduleEntries,
      scheduleDays: [],
    } as W.AttendanceSchedule;
  });
