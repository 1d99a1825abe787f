import { generateMunicipality } from '../../../src/demo/generator';
import { RESOURCES, type ResourceName } from '../../../src/ss12000/resources';
import { validatorFor } from '../../../src/ss12000/spec-validator';

const dataset = generateMunicipality();

/** The spec schema of each collection's items. */
const SCHEMA: { [K in ResourceName]: string } = {
  organisations: 'Organisation',
  persons: 'Person',
  placements: 'Placement',
  duties: 'Duty',
  groups: 'Group',
  programmes: 'Programme',
  syllabuses: 'Syllabus',
  schoolUnitOfferings: 'SchoolUnitOffering',
  studyplans: 'StudyPlan',
  activities: 'Activity',
  calendarEvents: 'CalendarEvent',
  rooms: 'Room',
  resources: 'Resource',
  attendances: 'Attendance',
  attendanceEvents: 'AttendanceEvent',
  attendanceSchedule: 'AttendanceSchedule',
  absences: 'Absence',
  grades: 'Grade',
};

/** Every row of small collections; every 7th row of the big lazy ones (tens of thousands still). */
const sample = <T>(rows: Iterable<T>, every: number): T[] => {
  const out: T[] = [];
  let i = 0;
  for (const row of rows) if (i++ % every === 0) out.push(row);
  return out;
};

describe('every generated object validates against its SS 12000 v2.1 schema', () => {
  it.each(Object.keys(RESOURCES) as ResourceName[])('%s', (name) => {
    const validate = validatorFor(SCHEMA[name]);
    const rows = sample(dataset[name].values() as Iterable<unknown>, name === 'attendances' ? 7 : 1);
    const errors = rows.flatMap((row) => {
      const result = validate(row);
      return result.ok ? [] : [result.errors];
    });
    expect(errors.slice(0, 3)).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('aggregatedAttendance rows validate too', () => {
    const validate = validatorFor('AggregatedAttendance');
    const rows = [...dataset.aggregatedAttendance({ startDate: '2026-09-01', endDate: '2026-09-30' })];
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows
        .map(validate)
        .filter((r) => !r.ok)
        .slice(0, 3),
    ).toEqual([]);
  });
});
