import type * as W from '../../ss12000/wire';
import type { PlannedActivity } from './activities';
import type { SchoolDay } from './calendar';
import { metaBefore } from './meta';
import type { Schedule, UnitInfo } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';
import { timeOf } from './timetable';

/**
 * Lays every activity's weekly slots over the term's school days. Events are stored
 * column-wise in typed arrays (about 14 bytes each), grouped by activity and in time order
 * within it, so an activity's events are one index range and a date window is a sub-range.
 */
export const layOutEvents = (days: readonly SchoolDay[], planned: readonly PlannedActivity[]): Schedule => {
  const perWeekday = [0, 0, 0, 0, 0, 0, 0];
  for (const day of days) perWeekday[day.weekday] = (perWeekday[day.weekday] as number) + 1;
  let count = 0;
  for (const p of planned) for (const slot of p.slots) count += perWeekday[slot.weekday] as number;
  const schedule: Schedule = {
    activity: new Int32Array(count),
    day: new Uint16Array(count),
    start: new Uint16Array(count),
    minutes: new Uint16Array(count),
    room: new Int32Array(count),
    count,
  };
  let e = 0;
  planned.forEach((p, a) => {
    p.info.firstEvent = e;
    days.forEach((day, d) => {
      p.slots.forEach((slot) => {
        if (slot.weekday !== day.weekday) return;
        const [start, minutes] = timeOf(slot);
        schedule.activity[e] = a;
        schedule.day[e] = d;
        schedule.start[e] = start;
        schedule.minutes[e] = minutes;
        schedule.room[e] = p.room;
        e++;
      });
    });
    p.info.eventCount = e - p.info.firstEvent;
  });
  return schedule;
};

export const activityObjects = (
  config: GeneratorConfig,
  units: readonly UnitInfo[],
  planned: readonly PlannedActivity[],
  schedule: Schedule,
  random: Random,
): W.Activity[] =>
  planned.map(({ info, displayName, activityType = 'Undervisning' }) => {
    let minutesPlanned = 0;
    for (let e = info.firstEvent; e < info.firstEvent + info.eventCount; e++) minutesPlanned += schedule.minutes[e] as number;
    return {
      id: info.ref.id,
      meta: metaBefore(random, config.termStart),
      displayName,
      calendarEventsRequired: true,
      startDate: config.termStart,
      endDate: config.termEnd,
      activityType,
      minutesPlanned,
      groups: [info.group],
      teachers: [{ duty: info.teacherDuty, startDate: config.termStart, endDate: config.termEnd, minutesPlanned, grader: info.graded }],
      ...(info.syllabus ? { syllabus: info.syllabus } : {}),
      organisation: (units[info.unit] as UnitInfo).ref,
    };
  });
