// The baseline: each standard query fetched straight from the producers by hand, the best way SS 12000
// allows — lookups batched at the producer's maximum, every request of one level in parallel, and
// levels started as soon as their keys are known (the gateway has to follow the query's shape).
import { lessonDate } from '../../src/resolvers/attendance/lesson-dates';
import type * as W from '../../src/ss12000/wire';
import type { Counts, Picks } from './queries';
import { STUDENT_RECORD_RANGE, TEACHER_WEEK_RANGE, WALK_PAGE } from './queries';
import type { RestClient } from './rest-client';

const ids = <T extends { id: string }>(rows: readonly T[]): Set<string> => new Set(rows.map((row) => row.id));

export async function schoolUnitDirect(rest: RestClient, picks: Picks): Promise<Counts> {
  const [units, classes] = await Promise.all([
    rest.lookup<W.Organisation>('register', '/organisations', 'ids', [picks.schoolUnit]),
    rest.all<W.Group>('register', '/groups', { organisation: [picks.schoolUnit], groupType: ['Klass'] }),
  ]);
  const memberships = classes.flatMap((group) => group.groupMemberships ?? []);
  const students = await rest.lookup<W.Person>(
    'register',
    '/persons',
    'ids',
    memberships.map((m) => m.person.id),
  );
  const guardianIds = students.flatMap((student) => (student.responsibles ?? []).flatMap((r) => (r.person ? [r.person.id] : [])));
  const guardians = ids(await rest.lookup<W.Person>('register', '/persons', 'ids', guardianIds));
  const byId = new Map(students.map((s) => [s.id, s]));
  return {
    units: units.length,
    classes: classes.length,
    memberships: memberships.filter((m) => byId.has(m.person.id)).length,
    guardians: memberships.reduce(
      (n, m) => n + (byId.get(m.person.id)?.responsibles ?? []).filter((r) => r.person && guardians.has(r.person.id)).length,
      0,
    ),
  };
}

export async function teacherWeekDirect(rest: RestClient, picks: Picks): Promise<Counts> {
  const start = Date.parse(TEACHER_WEEK_RANGE.start);
  const end = Date.parse(TEACHER_WEEK_RANGE.end);
  const [duties, activities] = await Promise.all([
    rest.lookup<W.Duty>('register', '/duties', 'ids', [picks.duty]),
    rest.lookup<W.Activity>('schedule', '/activities', 'teachers', [picks.duty]),
  ]);
  const [persons, groups, events] = await Promise.all([
    rest.lookup<W.Person>(
      'register',
      '/persons',
      'ids',
      duties.flatMap((d) => (d.person ? [d.person.id] : [])),
    ),
    rest.lookup<W.Group>(
      'register',
      '/groups',
      'ids',
      activities.flatMap((a) => a.groups.map((g) => g.id)),
    ),
    rest.lookup<W.CalendarEvent>(
      'schedule',
      '/calendarEvents',
      'activities',
      activities.map((a) => a.id),
    ),
  ]);
  const week = events.filter((e) => Date.parse(e.startTime) >= start && Date.parse(e.startTime) <= end);
  const rooms = ids(
    await rest.lookup<W.Room>(
      'schedule',
      '/rooms',
      'ids',
      week.flatMap((e) => (e.rooms ?? []).map((r) => r.id)),
    ),
  );
  const groupIds = ids(groups);
  return {
    persons: persons.length,
    activities: activities.length,
    groups: activities.reduce((n, a) => n + a.groups.filter((g) => groupIds.has(g.id)).length, 0),
    events: week.length,
    rooms: week.reduce((n, e) => n + (e.rooms ?? []).filter((r) => rooms.has(r.id)).length, 0),
  };
}

export async function studentRecordDirect(rest: RestClient, picks: Picks): Promise<Counts> {
  const [persons, grades, attendances] = await Promise.all([
    rest.lookup<W.Person>('register', '/persons', 'ids', [picks.student]),
    rest.all<W.Grade>('grades', '/grades', { student: picks.student }),
    rest.lookup<W.Attendance>('attendance', '/attendances', 'students', [picks.student]),
  ]);
  const teacherIds = grades.flatMap((g) => (g.gradingTeacher ? [g.gradingTeacher.id] : []));
  const [syllabuses, teachers, events] = await Promise.all([
    rest.lookup<W.Syllabus>(
      'register',
      '/syllabuses',
      'ids',
      grades.map((g) => g.syllabus.id),
    ),
    rest.lookup<W.Person>('register', '/persons', 'ids', teacherIds),
    rest.lookup<W.CalendarEvent>(
      'schedule',
      '/calendarEvents',
      'ids',
      attendances.map((a) => a.calendarEvent.id),
    ),
  ]);
  const dates = new Map(events.map((e) => [e.id, lessonDate(e.startTime)]));
  const inRange = attendances.filter((a) => {
    const date = dates.get(a.calendarEvent.id);
    return date !== undefined && date >= STUDENT_RECORD_RANGE.from && date <= STUDENT_RECORD_RANGE.to;
  });
  const syllabusIds = ids(syllabuses);
  const teacherSet = ids(teachers);
  return {
    persons: persons.length,
    grades: grades.length,
    syllabuses: grades.filter((g) => syllabusIds.has(g.syllabus.id)).length,
    gradingTeachers: grades.filter((g) => g.gradingTeacher && teacherSet.has(g.gradingTeacher.id)).length,
    attendances: inRange.length,
    lessons: inRange.filter((a) => dates.has(a.calendarEvent.id)).length,
  };
}

// Keeps the ids only, as the gateway's client does: holding 44,470 whole rows made the direct side
// pay for garbage collection the gateway's side never has (measured at 25eab6e).
export async function personsWalkDirect(rest: RestClient): Promise<Counts> {
  const seen = new Set<string>();
  for await (const page of rest.pages<W.Person>('register', '/persons', {}, WALK_PAGE)) for (const person of page) seen.add(person.id);
  return { persons: seen.size };
}
