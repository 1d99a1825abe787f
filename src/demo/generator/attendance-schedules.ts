import type * as W from '../../ss12000/wire';
import { metaBefore } from './meta';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

const WEEKDAYS = ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag'] as const;

const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Vistelseschema: one approved AttendanceSchedule per placement, the times the guardians said the
 * child will be there. A third of the children come before school too; some families alternate
 * between two weeks. The weekly hours stay within the placement's maxWeeklyScheduleHours.
 * The spec requires `scheduleDays` without defining it (a slip); rows carry it empty.
 */
export const buildAttendanceSchedules = (
  config: GeneratorConfig,
  placements: readonly W.Placement[],
  random: Random,
): W.AttendanceSchedule[] =>
  placements.map((placement) => {
    const numberOfWeeks = random.chance(0.2) ? 2 : 1;
    const morning = random.chance(0.33);
    const budget = (placement.maxWeeklyScheduleHours ?? 20) * 60;
    const scheduleEntries: W.AttendanceSchedule['scheduleEntries'] = [];
    for (let week = 0; week < numberOfWeeks; week++) {
      let used = 0;
      for (const dayOfWeek of WEEKDAYS) {
        const end = 15 * 60 + random.between(0, 8) * 15;
        const afternoon = end - 13 * 60 - 30;
        // A short Friday in the second week of an alternating schedule.
        if (week === 1 && dayOfWeek === 'Fredag') continue;
        if (morning && used + afternoon + 60 <= budget) {
          scheduleEntries.push({ weekOffset: week, dayOfWeek, startTime: '07:00', endTime: '08:00' as unknown as number });
          used += 60;
        }
        if (used + afternoon > budget) continue;
        scheduleEntries.push({ weekOffset: week, dayOfWeek, startTime: '13:30', endTime: hhmm(end) as unknown as number });
        used += afternoon;
      }
    }
    const meta = metaBefore(random, config.termStart);
    const guardian = placement.owners?.[0];
    return {
      id: random.uuid(),
      meta,
      placement: { id: placement.id },
      numberOfWeeks,
      startDate: placement.startDate,
      temporary: false,
      state: [{ state: 'Godkänt', registeredAt: meta.created, ...(guardian ? { registeredBy: { id: guardian.id } } : {}) }],
      scheduleEntries,
      scheduleDays: [],
    } as W.AttendanceSchedule;
  });
