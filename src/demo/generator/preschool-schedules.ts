import { entry, type ScheduleEntry, type WeekPlan, WEEKDAYS } from './attendance-schedules';
import { OFFERED_HOURS } from './preschool-placements';

const HOUR = 60;
/** A day shorter than this after trimming to the budget is left out instead. */
const SHORTEST_DAY = 4 * HOUR;

/** Allmän förskola only: five mornings or three longer days, 15 hours either way. */
const offeredWeek = (random: Parameters<WeekPlan>[0]): ScheduleEntry[] =>
  random.chance(0.5)
    ? WEEKDAYS.map((day) => entry(0, day, 8 * HOUR + 30, 11 * HOUR + 30))
    : WEEKDAYS.slice(0, 3).map((day) => entry(0, day, 8 * HOUR, 13 * HOUR));

/**
 * Förskola: full days, arriving 06:30–08:00 and leaving 15:00–16:30, trimmed to the weekly
 * budget. A quarter of the families keep one weekday at home; some alternate over two weeks.
 */
export const preschoolWeeks: WeekPlan = (random, budget) => {
  if (budget <= OFFERED_HOURS * HOUR) return { numberOfWeeks: 1, scheduleEntries: offeredWeek(random) };
  const numberOfWeeks = random.chance(0.15) ? 2 : 1;
  const dayAtHome = random.chance(0.25) ? random.int(WEEKDAYS.length) : -1;
  const scheduleEntries: ScheduleEntry[] = [];
  for (let week = 0; week < numberOfWeeks; week++) {
    let used = 0;
    WEEKDAYS.forEach((dayOfWeek, d) => {
      const start = 6 * HOUR + 30 + random.between(0, 6) * 15;
      let end = 15 * HOUR + random.between(0, 6) * 15;
      // The second week of an alternating schedule has a free Friday.
      if (d === dayAtHome || (week === 1 && dayOfWeek === 'Fredag')) return;
      end = Math.min(end, start + Math.floor((budget - used) / 15) * 15);
      if (end - start < SHORTEST_DAY) return;
      scheduleEntries.push(entry(week, dayOfWeek, start, end));
      used += end - start;
    });
  }
  return { numberOfWeeks, scheduleEntries };
};
