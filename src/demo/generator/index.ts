// Entry point: a deterministic synthetic municipality (SS 12000 v2.1 objects) for the demo producers and the tests.
import type { Dataset } from '../dataset';
import { aggregatedAttendance } from './aggregate';
import { AbsenceSource } from './absences';
import { AttendanceSource } from './attendances';
import { CalendarEventSource } from './calendar-events';
import { LazyCollection } from './lazy-collection';
import { collectionOf } from './map-collection';
import { resolveOptions, type MunicipalityOptions } from './options';
import { buildWorld } from './world';

export type { MunicipalityOptions } from './options';

/**
 * Builds the municipality. Same options ⇒ byte-identical data, ids included.
 *
 * `where(field, id)` indexes (anything else answers undefined = scan values()):
 * - organisations: parentOrganisation.id · persons: enrolments.enroledAt.id, responsibles.person.id, enrolments.programme.id
 * - placements: child.id, placedAt.id (alias organisation.id), owners.id, group.id
 * - duties: dutyAt.id (alias organisation.id), person.id, assignmentRole.group.id (mentors)
 * - groups: organisation.id, groupMemberships.person.id · schoolUnitOfferings: offeredAt.id (alias organisation.id)
 * - activities: organisation.id, groups.id, teachers.duty.id, syllabus.id · rooms, resources: owner.id (alias organisation.id)
 * - calendarEvents: activity.id, and through the activity organisation.id, group.id, teacher.id (duty), student.id
 * - attendances: student.id, calendarEvent.id, and through the lesson's activity activity.id, organisation.id
 * - absences: student.id, organisation.id · studyplans: student.id · attendanceEvents: person.id, group.id
 * - grades: student.id, organisation.id, registeredBy.id, gradingTeacher.id · attendanceSchedule: placement.id
 * Per-lesson attendance, calendar events and absences are lazy (computed from the seed on
 * demand, writes kept in an overlay); everything else is held in indexed Maps.
 * Entities share `{id}` reference objects: treat what you get as read-only and copy before
 * changing (set() a new object instead).
 */
export function generateMunicipality(options?: MunicipalityOptions): Dataset {
  const config = resolveOptions(options);
  const built = buildWorld(config);
  const { world } = built;
  const calendarSource = new CalendarEventSource(world);
  const attendanceSource = new AttendanceSource(world, calendarSource, built.studentRefs);
  const calendarEvents = new LazyCollection(calendarSource);
  const attendances = new LazyCollection(attendanceSource);
  const activities = collectionOf(built.activities, ['organisation.id', 'groups.id', 'teachers.duty.id', 'syllabus.id']);
  const dataset: Dataset = {
    organisations: collectionOf(built.organisations, ['parentOrganisation.id']),
    persons: collectionOf(built.persons, ['enrolments.enroledAt.id', 'responsibles.person.id', 'enrolments.programme.id']),
    placements: collectionOf(built.placements, ['child.id', 'placedAt.id', ['organisation.id', 'placedAt.id'], 'owners.id', 'group.id']),
    duties: collectionOf(built.duties, ['dutyAt.id', ['organisation.id', 'dutyAt.id'], 'person.id', 'assignmentRole.group.id']),
    groups: collectionOf(built.groups, ['organisation.id', 'groupMemberships.person.id']),
    programmes: collectionOf(built.programmes),
    syllabuses: collectionOf(built.syllabuses),
    schoolUnitOfferings: collectionOf(built.schoolUnitOfferings, ['offeredAt.id', ['organisation.id', 'offeredAt.id']]),
    studyplans: collectionOf(built.studyplans, ['student.id']),
    activities,
    calendarEvents,
    rooms: collectionOf(built.rooms, ['owner.id', ['organisation.id', 'owner.id']]),
    resources: collectionOf(built.resources, ['owner.id', ['organisation.id', 'owner.id']]),
    attendances,
    attendanceEvents: collectionOf(built.attendanceEvents, ['person.id', 'group.id']),
    attendanceSchedule: collectionOf(built.attendanceSchedules, ['placement.id']),
    absences: new LazyCollection(new AbsenceSource(world, built.studentRefs, built.firstGuardian)),
    grades: collectionOf(built.grades, ['student.id', 'organisation.id', 'registeredBy.id', 'gradingTeacher.id']),
    aggregatedAttendance: (query) =>
      aggregatedAttendance({ world, attendances, attendanceSource, calendarEvents, calendarSource, activities }, query),
    description: {
      seed: config.seed,
      students: config.students,
      staff: built.duties.length,
      // Förskolor are school units too (Skolenhet, FS), though not in world.units.
      schoolUnits: world.units.length + built.preschool.units.length,
    },
  };
  return dataset;
}
