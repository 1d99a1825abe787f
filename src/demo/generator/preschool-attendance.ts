import type * as W from '../../ss12000/wire';
import { WEEKDAYS, minuteOf } from './attendance-schedules';
import { localTime, type SchoolDay } from './calendar';
import type { Ref } from './model';
import type { Random } from './random';

const DAY_MS = 86_400_000;

/** Which week of a schedule that repeats every `numberOfWeeks` a date falls in, counted from its start's week. */
export const weekOffsetOf = (schedule: W.AttendanceSchedule, date: string): number => {
  const start = Date.parse(`${schedule.startDate}T00:00:00Z`);
  const mondayOfStart = start - ((new Date(start).getUTCDay() + 6) % 7) * DAY_MS;
  const weeks = Math.floor((Date.parse(`${date}T00:00:00Z`) - mondayOfStart) / (7 * DAY_MS));
  return weeks % Math.max(1, schedule.numberOfWeeks ?? 1);
};

/**
 * Check-in and check-out (AttendanceEvent In/Ut) of förskola children in the first week of term,
 * on the days and within the times of their vistelseschema, once the placement has started; a
 * child is home sick one day in twenty. A pedagogue of the avdelning registers each event.
 */
export const buildPreschoolCheckIns = (
  days: readonly SchoolDay[],
  placements: readonly W.Placement[],
  schedules: readonly W.AttendanceSchedule[],
  staffOfGroup: ReadonlyMap<string, readonly Ref[]>,
  random: Random,
): W.AttendanceEvent[] => {
  const events: W.AttendanceEvent[] = [];
  placements.forEach((placement, p) => {
    const schedule = schedules[p] as W.AttendanceSchedule;
    const group = placement.group as Ref;
    const staff = staffOfGroup.get(group.id) ?? [];
    for (const day of days.slice(0, 5)) {
      if (day.date < placement.startDate || (placement.endDate !== undefined && day.date > placement.endDate)) continue;
      const week = weekOffsetOf(schedule, day.date);
      const planned = (schedule.scheduleEntries ?? []).find((e) => e.weekOffset === week && e.dayOfWeek === WEEKDAYS[day.weekday - 1]);
      if (!planned || staff.length === 0 || random.chance(0.05)) continue;
      const start = minuteOf(planned.startTime);
      const end = minuteOf(planned.endTime);
      const slack = Math.min(30, Math.floor((end - start) / 4));
      for (const [eventType, minute] of [
        ['In', start + random.int(slack + 1)],
        ['Ut', end - random.int(slack + 1)],
      ] as const) {
        const time = localTime(day, minute);
        events.push({
          id: random.uuid(),
          meta: { created: time, modified: time },
          time,
          eventType,
          person: placement.child,
          registeredBy: random.pick(staff),
          group,
        });
      }
    }
  });
  return events;
};
