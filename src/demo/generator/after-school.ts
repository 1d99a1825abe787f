import type * as W from '../../ss12000/wire';
import { localTime, type SchoolDay } from './calendar';
import type { PlannedClass } from './enrolment-plan';
import { metaBefore } from './meta';
import type { Ref, UnitInfo } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

export interface AfterSchoolBuilt {
  placements: W.Placement[];
  attendanceEvents: W.AttendanceEvent[];
}

/**
 * Fritidshem (FTH): about 60 % of children in förskoleklass to year 3 have a placement at
 * their school unit, owned by their guardians; staff check them in and out (AttendanceEvent
 * In/Ut) — recorded here for the first week of term.
 */
export const buildAfterSchool = (
  config: GeneratorConfig,
  days: readonly SchoolDay[],
  units: readonly UnitInfo[],
  classes: readonly PlannedClass[],
  classGroups: readonly W.Group[],
  students: readonly W.Person[],
  random: Random,
): AfterSchoolBuilt => {
  const placements: W.Placement[] = [];
  const attendanceEvents: W.AttendanceEvent[] = [];
  const firstWeek = days.slice(0, 5);
  classes.forEach((c, ci) => {
    if (c.schoolType === 'GY' || c.schoolYear > 3) return;
    const unit = units[c.unit] as UnitInfo;
    const group: Ref = { id: (classGroups[ci] as W.Group).id };
    for (let s = c.first; s < c.first + c.count; s++) {
      if (!random.chance(0.6)) continue;
      const child = students[s] as W.Person;
      placements.push({
        id: random.uuid(),
        meta: metaBefore(random, config.termStart),
        placedAt: unit.ref,
        group,
        child: { id: child.id },
        owners: (child.responsibles ?? []).flatMap((r) => (r.person ? [{ id: r.person.id }] : [])),
        schoolType: 'FTH',
        startDate: config.termStart,
        reason: 'Omsorgsbehov',
        maxWeeklyScheduleHours: 20,
      });
      const staff = unit.teacherPersons[s % unit.teacherPersons.length] as Ref;
      for (const day of firstWeek) {
        for (const [eventType, minute] of [
          ['In', 420 + random.int(50)],
          ['Ut', 900 + random.int(120)],
        ] as const) {
          const time = localTime(day, minute);
          attendanceEvents.push({
            id: random.uuid(),
            meta: { created: time, modified: time },
            time,
            eventType,
            person: { id: child.id },
            registeredBy: staff,
            group,
          });
        }
      }
    }
  });
  return { placements, attendanceEvents };
};
