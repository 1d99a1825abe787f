// Every read scenario of examples/scenarios/ (README there) against the embedded demo municipality
// (seed 12000, 600 students), each with the demo key its header names: one request per scenario, and
// an answer that is non-empty and consistent in itself and with the producers' data.
import { generateMunicipality } from '../../src/demo/generator';
import type * as W from '../../src/ss12000/wire';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { operation } from '../support/operations';
import { eventually } from '../changes/support';
import { checkInAt, studentOf } from '../graph/attendance/support/writes';
import type * as Ops from '../support/operations.gen';

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const WEEK = { start: '2026-09-07T00:00:00+02:00', end: '2026-09-11T23:59:59+02:00' };
const TERM = { startDate: '2026-08-17', endDate: '2026-12-18' };
const LMS_UNIT_CODE = '91000095';

const all = <T>(collection: { values(): Iterable<T> }): T[] => [...collection.values()];
const units = all(dataset.organisations).filter((o) => o.organisationType === 'Skolenhet');
const unitByCode = (code: string): W.Organisation => units.find((u) => u.schoolUnitCode === code)!;
const students = all(dataset.persons).filter((p) => p.enrolments?.length);
const isProtected = (p: W.Person): boolean => p.securityMarking !== 'Ingen';
const groupsOf = (personId: string): W.Group[] => [...(dataset.groups.where?.('groupMemberships.person.id', personId) ?? [])];

/** No two [start, end) intervals overlap. */
const overlapping = (events: readonly { id: string; startTime: string | null; endTime: string | null }[]): string[] => {
  const sorted = [...events].sort((a, b) => Date.parse(a.startTime!) - Date.parse(b.startTime!));
  return sorted.flatMap((event, i) =>
    i > 0 && Date.parse(event.startTime!) < Date.parse(sorted[i - 1]!.endTime!) ? [`${sorted[i - 1]!.id} ${event.id}`] : [],
  );
};
const inWeek = (time: string | null): boolean => Date.parse(time!) >= Date.parse(WEEK.start) && Date.parse(time!) <= Date.parse(WEEK.end);

type ProvisionedPerson = NonNullable<NonNullable<Ops.UserProvisioningQuery['organisation']>['persons']>['edges'][number]['node'];

let graph: E2E;
beforeAll(async () => {
  // The change feed runs (memory): scenario 12 follows a reported absence into it.
  graph = await startE2E({ dataset, changes: {} });
});
afterAll(() => graph.close());

/** One scenario file, one request; its answer without errors. */
const run = async <T>(file: string, variables: Record<string, unknown>, apiKey: string): Promise<T> => {
  const { data, errors, status } = await graph.query<T>(operation(`scenarios/${file}`), variables, { apiKey });
  expect({ status, errors }).toEqual({ status: 200, errors: undefined });
  return data as T;
};

test('01 school units: every unit with its code and school types, under the huvudman', async () => {
  const data = await run<Ops.SchoolUnitsQuery>('01-school-units', {}, DEMO_KEYS.full);
  const nodes = data.organisations!.edges.map((e) => e.node);
  expect(nodes.map((n) => n.id).sort()).toEqual(units.map((u) => u.id).sort());
  for (const node of nodes) {
    expect(node.schoolUnitCode).toMatch(/^\d{8}$/);
    expect(node.schoolTypes!.length).toBeGreaterThan(0);
    expect(node.parentOrganisation).toMatchObject({ organisationType: 'HUVUDMAN' });
  }
});

test("02 class lists: a unit's classes, members enrolled at that unit, mentors; protected students under alias", async () => {
  const unit = unitByCode(LMS_UNIT_CODE);
  const data = await run<Ops.ClassListsQuery>('02-class-lists', { schoolUnitCode: LMS_UNIT_CODE }, DEMO_KEYS.lms);
  const node = data.organisations!.edges[0]!.node;
  expect(node.id).toBe(unit.id);
  expect(node.groups!.length).toBeGreaterThan(0);
  let members = 0;
  for (const group of node.groups!) {
    expect(group.mentors!.length).toBeGreaterThan(0);
    for (const { person } of group.groupMemberships!) {
      members += 1;
      expect(person!.enrolments!.map((e) => e.enroledAt!.id)).toContain(unit.id);
      if (person!.securityMarking !== 'INGEN') expect(person!.givenName).toBe('Skyddad');
    }
  }
  expect(members).toBe(students.filter((s) => s.enrolments![0]!.enroledAt.id === unit.id).length);
});

test('03 user provisioning: everyone related to the unit, paged; protected students present under alias, without identifiers', async () => {
  const unit = units.find((u) => students.some((s) => isProtected(s) && s.enrolments![0]!.enroledAt.id === u.id))!;
  const served: ProvisionedPerson[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const data: Ops.UserProvisioningQuery = await run('03-user-provisioning', { unit: unit.id, first: 100, after }, DEMO_KEYS.full);
    served.push(...data.organisation!.persons!.edges.map((e) => e.node));
    if (!data.organisation!.persons!.pageInfo.hasNextPage) break;
    after = data.organisation!.persons!.pageInfo.endCursor;
  }
  const atUnit = students.filter((s) => s.enrolments![0]!.enroledAt.id === unit.id);
  const ids = new Set(served.map((p) => p.id));
  for (const student of atUnit) expect(ids.has(student.id)).toBe(true);
  for (const person of served) {
    const related =
      person.enrolments?.some((e) => e.enroledAt?.id === unit.id) ||
      person.duties?.some((d) => d.dutyAt?.id === unit.id) ||
      (person.responsibleFor?.length ?? 0) > 0 ||
      person.securityMarking !== 'INGEN';
    expect(related).toBe(true);
    if (person.securityMarking === 'INGEN' && person.enrolments?.length) expect(person.eduPersonPrincipalNames!.length).toBeGreaterThan(0);
  }
  const protectedAtUnit = atUnit.filter(isProtected);
  expect(protectedAtUnit.length).toBeGreaterThan(0);
  for (const student of protectedAtUnit) {
    const alias = served.find((p) => p.id === student.id)!;
    expect(alias).toMatchObject({ givenName: 'Skyddad', familyName: expect.stringMatching(/^Person [0-9A-F]{8}$/i) });
    expect(alias.eduPersonPrincipalNames ?? []).toEqual([]);
    expect(alias.enrolments!.map((e) => e.enroledAt!.id)).toEqual([unit.id]);
  }
});

test("04 guardians: a student's guardians with contact details, each responsible for the student", async () => {
  const student = students.find(
    (s) =>
      !isProtected(s) &&
      (s.responsibles?.length ?? 0) >= 2 &&
      s.responsibles!.every((r) => !isProtected(dataset.persons.get(r.person!.id)!)),
  )!;
  const data = await run<Ops.GuardiansQuery>('04-guardians', { student: student.id }, DEMO_KEYS.full);
  const responsibles = data.person!.responsibles!;
  expect(responsibles.map((r) => r.person!.id).sort()).toEqual(student.responsibles!.map((r) => r.person!.id).sort());
  for (const { person } of responsibles) {
    expect(person!.responsibleFor!.map((r) => r.person!.id)).toContain(student.id);
    expect(person!.phoneNumbers!.length + person!.emails!.length).toBeGreaterThan(0);
  }
});

test("05 staff and duties: the unit's duties, all at the unit, with mentors assigned to the unit's classes", async () => {
  const unit = unitByCode(LMS_UNIT_CODE);
  const data = await run<Ops.StaffDutiesQuery>('05-staff-duties', { unit: unit.id }, DEMO_KEYS.lms);
  const duties = data.organisation!.duties!.edges.map((e) => e.node);
  expect(duties.map((d) => d.id).sort()).toEqual(
    all(dataset.duties)
      .filter((d) => d.dutyAt.id === unit.id)
      .map((d) => d.id)
      .sort(),
  );
  const classes = new Set(
    all(dataset.groups)
      .filter((g) => g.organisation.id === unit.id)
      .map((g) => g.id),
  );
  const mentorGroups = duties.flatMap((d) =>
    (d.assignmentRole ?? []).filter((r) => r.assignmentRoleType === 'MENTOR').map((r) => r.group!.id),
  );
  expect(mentorGroups.length).toBeGreaterThan(0);
  for (const group of mentorGroups) expect(classes.has(group)).toBe(true);
  for (const duty of duties) expect(duty.dutyAt!.id).toBe(unit.id);
});

test("06 teaching assignments: the unit's activities, each with a group, a syllabus and teachers of the unit", async () => {
  const unit = units[0]!;
  const data = await run<Ops.TeachingAssignmentsQuery>('06-teaching-assignments', { unit: unit.id, first: 100 }, DEMO_KEYS.full);
  const activities = data.organisation!.activities!.edges.map((e) => e.node);
  expect(activities.length).toBeGreaterThan(0);
  for (const activity of activities) {
    expect(activity.organisation!.id).toBe(unit.id);
    expect(activity.groups!.length).toBeGreaterThan(0);
    expect(activity.teachers!.length).toBeGreaterThan(0);
    for (const teacher of activity.teachers!) expect(teacher.duty.dutyAt!.id).toBe(unit.id);
  }
});

test("07 a teacher's week: only the teacher's activities' lessons, in the week, never two at once", async () => {
  const teacher = all(dataset.activities).find((a) => a.teachers?.length)!.teachers![0]!.duty.id;
  const data = await run<Ops.TeacherScheduleQuery>('07-teacher-schedule', { duty: teacher, ...WEEK }, DEMO_KEYS.full);
  const taught = new Set(
    all(dataset.activities)
      .filter((a) => a.teachers?.some((t) => t.duty.id === teacher))
      .map((a) => a.id),
  );
  expect(new Set(data.duty!.activities!.map((a) => a.id))).toEqual(taught);
  const lessons = data.duty!.activities!.flatMap((a) => a.calendarEvents!);
  expect(lessons.length).toBeGreaterThan(0);
  expect(lessons.every((e) => inWeek(e.startTime))).toBe(true);
  expect(overlapping(lessons)).toEqual([]);
});

test("08 a student's week: lessons of the student's groups, in the week, never two at once", async () => {
  const student = students.find((s) => !isProtected(s) && s.enrolments![0]!.schoolType === 'GR')!;
  const data = await run<Ops.StudentScheduleQuery>('08-student-schedule', { student: student.id, ...WEEK }, DEMO_KEYS.full);
  const events = data.person!.calendarEvents!;
  expect(events.length).toBeGreaterThan(0);
  const groups = new Set(groupsOf(student.id).map((g) => g.id));
  for (const event of events) {
    expect(inWeek(event.startTime)).toBe(true);
    expect(dataset.activities.get(event.activity!.id)!.groups!.some((g) => groups.has(g.id))).toBe(true);
  }
  expect(overlapping(events)).toEqual([]);
});

test("09 rooms: each room's bookings name the room, fall in the week and never overlap", async () => {
  const unit = units[0]!;
  const data = await run<Ops.RoomScheduleQuery>('09-room-schedule', { unit: unit.id, ...WEEK }, DEMO_KEYS.full);
  const rooms = data.rooms!.edges.map((e) => e.node);
  expect(rooms.length).toBeGreaterThan(0);
  expect(rooms.reduce((n, room) => n + room.calendarEvents!.length, 0)).toBeGreaterThan(0);
  for (const room of rooms) {
    expect(room.owner.id).toBe(unit.id);
    for (const event of room.calendarEvents!) {
      expect(event.rooms!.map((r) => r.id)).toContain(room.id);
      expect(inWeek(event.startTime)).toBe(true);
    }
    expect(overlapping(room.calendarEvents!)).toEqual([]);
  }
});

test("10 roll call: a lesson's expected students are its groups' members; its attendance is theirs", async () => {
  const event = all(dataset.calendarEvents).find((e) => inWeek(e.startTime))!;
  const data = await run<Ops.LessonRollCallQuery>('10-lesson-roll-call', { event: event.id }, DEMO_KEYS.full);
  const expected = new Set(
    dataset.activities.get(event.activity.id)!.groups!.flatMap((g) => dataset.groups.get(g.id)!.groupMemberships!.map((m) => m.person.id)),
  );
  const served = data.calendarEvent!.expectedStudents!;
  expect(served.length).toBeGreaterThan(0);
  expect(new Set(served.map((p) => p.id))).toEqual(expected);
  const attendances = data.calendarEvent!.attendances!;
  expect(attendances.length).toBeGreaterThan(0);
  for (const attendance of attendances) expect(expected.has(attendance.student.id)).toBe(true);
});

test('10 roll call follows the lesson: an excused student is not expected, a student who joins is, a cancelled lesson expects nobody', async () => {
  const week = all(dataset.calendarEvents).filter((e) => inWeek(e.startTime));
  const members = (event: W.CalendarEvent): string[] =>
    dataset.activities.get(event.activity.id)!.groups!.flatMap((g) => dataset.groups.get(g.id)!.groupMemberships!.map((m) => m.person.id));
  for (const [event, participates] of [
    [week.find((e) => e.studentExceptions?.some((x) => !x.participates))!, false],
    [week.find((e) => e.studentExceptions?.some((x) => x.participates))!, true],
  ] as const) {
    const exception = event.studentExceptions!.find((x) => x.participates === participates)!;
    const data = await run<Ops.LessonRollCallQuery>('10-lesson-roll-call', { event: event.id }, DEMO_KEYS.full);
    const served = data.calendarEvent!.expectedStudents!.map((p) => p.id);
    expect(served.includes(exception.student.id)).toBe(participates);
    expect(new Set(served)).toEqual(
      new Set([...members(event).filter((id) => id !== exception.student.id), ...(participates ? [exception.student.id] : [])]),
    );
    expect(new Set(data.calendarEvent!.attendances!.map((a) => a.student.id))).toEqual(new Set(served));
  }
  const cancelled = week.find((e) => e.cancelled)!;
  const data = await run<Ops.LessonRollCallQuery>('10-lesson-roll-call', { event: cancelled.id }, DEMO_KEYS.full);
  expect(data.calendarEvent).toMatchObject({ cancelled: true, expectedStudents: [], attendances: [] });
});

test("13 a student's attendance: per-lesson rows within the period, the student's own lessons; reported absences", async () => {
  const period = { startDate: '2026-09-01', endDate: '2026-09-30' };
  const student = students.find((s) => !isProtected(s) && [...(dataset.absences.where?.('student.id', s.id) ?? [])].length > 0)!;
  const data = await run<Ops.StudentAttendanceQuery>('13-student-attendance', { student: student.id, ...period }, DEMO_KEYS.full);
  const rows = data.person!.attendances!;
  expect(rows.length).toBeGreaterThan(0);
  const groups = new Set(groupsOf(student.id).map((g) => g.id));
  for (const row of rows) {
    const date = new Date(Date.parse(row.calendarEvent.startTime!) + 2 * 3_600_000).toISOString().slice(0, 10);
    expect(date >= period.startDate && date <= period.endDate).toBe(true);
    const lesson = dataset.calendarEvents.get(row.calendarEvent.id)!;
    expect(dataset.activities.get(lesson.activity.id)!.groups!.some((g) => groups.has(g.id))).toBe(true);
  }
  expect(data.person!.absences!.length).toBeGreaterThan(0);
});

test('14 absence follow-up: one row per unit with lessons (a förskola has none), rates within [0, 1], the rows adding up to the total', async () => {
  const data = await run<Ops.AbsenceFollowUpQuery>('14-absence-follow-up', TERM, DEMO_KEYS.analytics);
  const rows = data.absenceSummary.edges.map((e) => e.node);
  const teaching = units.filter((u) => all(dataset.activities).some((a) => a.organisation.id === u.id));
  expect(teaching.length).toBe(units.length - 1);
  expect(rows.map((r) => r.schoolUnit!.id).sort()).toEqual(teaching.map((u) => u.id).sort());
  for (const row of rows) {
    expect(row.absenceRate).toBeGreaterThanOrEqual(0);
    expect(row.absenceRate).toBeLessThanOrEqual(1);
  }
  expect(rows.reduce((n, r) => n + r.offeredMinutes, 0)).toBe(data.absenceSummary.total!.offeredMinutes);
  expect(rows.reduce((n, r) => n + r.studentCount, 0)).toBe(data.absenceSummary.total!.studentCount);
});

test.each([
  ['a school unit (fritidshem)', 'FTH'],
  ['a förskola', 'FS'],
] as const)(
  "15 child care at %s: each placement has its approved schedule within its hours, and the child's check-ins in its group",
  async (_, schoolType) => {
    const unit = all(dataset.organisations).find((u) =>
      all(dataset.placements).some((p) => p.placedAt.id === u.id && p.schoolType === schoolType),
    )!;
    const data = await run<Ops.ChildCareScheduleQuery>('15-child-care-schedule', { unit: unit.id, first: 50 }, DEMO_KEYS.full);
    const placements = data.organisation!.placements!.edges.map((e) => e.node);
    expect(placements.length).toBeGreaterThan(0);
    expect(new Set(placements.map((p) => p.schoolType))).toEqual(new Set([schoolType]));
    const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    for (const placement of placements) {
      expect(placement.placedAt!.id).toBe(unit.id);
      expect(placement.attendanceSchedules!.length).toBeGreaterThan(0);
      for (const schedule of placement.attendanceSchedules!) {
        expect(schedule.placement.id).toBe(placement.id);
        expect(schedule.state.map((s) => s.state)).toContain('GODKANT');
        for (let week = 0; week < schedule.numberOfWeeks; week++) {
          const total = schedule
            .scheduleEntries!.filter((e) => e.weekOffset === week)
            .reduce((n, e) => n + minutes(e.endTime) - minutes(e.startTime), 0);
          expect(total).toBeLessThanOrEqual(placement.maxWeeklyScheduleHours! * 60);
        }
      }
      // Check-ins are recorded for the first week of term: a child placed later has none yet.
      for (const event of placement.child?.attendanceEvents ?? []) {
        expect(event.group.id).toBe(placement.group!.id);
        expect(event.time.slice(0, 10) >= placement.startDate!).toBe(true);
      }
    }
    const checkedIn = placements.filter((p) => p.child && p.child.givenName !== 'Skyddad' && p.child.attendanceEvents!.length > 0);
    expect(checkedIn.length).toBeGreaterThan(placements.length / 2);
  },
);

test("16 mentoring: a mentor's class and mentor group name the mentor back, with the members' absence and grades, and the mentor time", async () => {
  const mentorOf = (d: W.Duty, groupType: W.Group['groupType']): boolean =>
    d.assignmentRole?.some((r) => r.assignmentRoleType === 'Mentor' && dataset.groups.get(r.group.id)?.groupType === groupType) ?? false;
  const duty = all(dataset.duties).find((d) => mentorOf(d, 'Klass') && mentorOf(d, 'Mentor'))!;
  const data = await run<Ops.MentorOverviewQuery>('16-mentor-overview', { duty: duty.id, ...TERM }, DEMO_KEYS.full);
  const mentored = data.duty!.assignmentRole!.filter((r) => r.assignmentRoleType === 'MENTOR');
  expect(mentored.length).toBeGreaterThan(0);
  for (const { group } of mentored) {
    expect(group!.duties!.map((d) => d.id)).toContain(duty.id);
    expect(group!.mentors!.map((p) => p.id)).toContain(data.duty!.person!.id);
    expect(group!.groupMemberships!.length).toBeGreaterThan(0);
    expect(group!.groupMemberships!.some((m) => m.person!.attendances!.length > 0)).toBe(true);
  }
  const mentorGroups = mentored.filter((r) => dataset.groups.get(r.group!.id)?.groupType === 'Mentor');
  expect(mentorGroups.length).toBeGreaterThan(0);
  for (const { group } of mentorGroups) {
    expect(group!.activities!.filter((a) => a.activityType === 'ELEVAKTIVITET').map((a) => a.teachers!.map((t) => t.duty!.id))).toEqual([
      [duty.id],
    ]);
  }
});

test("17 grades: a gymnasium student's grades are the student's, in courses of the student's study plan", async () => {
  const student = students.find(
    (s) => !isProtected(s) && s.enrolments![0]!.schoolType === 'GY' && [...(dataset.grades.where?.('student.id', s.id) ?? [])].length > 0,
  )!;
  const data = await run<Ops.GradesAndStudyPlanQuery>('17-grades-and-study-plan', { student: student.id }, DEMO_KEYS.full);
  const person = data.person!;
  expect(person.enrolments![0]!.programme!.code).toEqual(expect.any(String));
  expect(person.studyPlans!.length).toBeGreaterThan(0);
  const planned = new Set(person.studyPlans!.flatMap((p) => (p.content ?? []).flatMap((c) => c.syllabuses.map((s) => s.syllabus.id))));
  expect(person.grades!.length).toBeGreaterThan(0);
  for (const grade of person.grades!) {
    expect(grade.student.id).toBe(student.id);
    expect(planned.has(grade.syllabus.id)).toBe(true);
  }
});

test('18 what a school offers: each unit offers programmes or courses, offered at that unit', async () => {
  const data = await run<Ops.SchoolOfferingsQuery>('18-school-offerings', {}, DEMO_KEYS.analytics);
  const nodes = data.organisations!.edges.map((e) => e.node);
  expect(nodes.length).toBe(units.length);
  let offerings = 0;
  for (const node of nodes) {
    for (const { node: offering } of node.schoolUnitOfferings!.edges) {
      offerings += 1;
      expect(offering.offeredAt!.id).toBe(node.id);
      expect(offering.offeredProgrammes!.length + offering.offeredSyllabuses!.length).toBeGreaterThan(0);
    }
  }
  expect(offerings).toBeGreaterThan(0);
});

// The two write scenarios come last: they add to the municipality the read scenarios above describe.

test('11 check-in and check-out: a check-in written through the gateway is read back through the graph', async () => {
  const unitId = units[0]!.id;
  const template = checkInAt(dataset, unitId);
  const input: Ops.CheckInMutationVariables['input'] = {
    eventType: 'IN',
    time: '2026-10-05T07:45:00+02:00',
    person: template.person.id,
    group: template.group!.id,
  };
  const written = await run<Ops.CheckInMutation>('11-check-in-and-out', { input }, DEMO_KEYS.attendance);
  const event = written.createAttendanceEvent!.attendanceEvent!;
  expect(event).toMatchObject({ eventType: 'IN', person: { id: template.person.id }, group: { id: template.group!.id } });
  const { data, errors } = await graph.query<{ attendanceEvent: { id: string; eventType: string; time: string; person: { id: string } } }>(
    'query ($id: ID!) { attendanceEvent(id: $id) { id eventType time person { id } } }',
    { id: event.id },
    { apiKey: DEMO_KEYS.attendance },
  );
  expect(errors).toBeUndefined();
  expect(data!.attendanceEvent).toEqual({ id: event.id, eventType: 'IN', time: event.time, person: { id: template.person.id } });
  expect(Date.parse(event.time!)).toBe(Date.parse(input.time));
});

test("12 reporting absence: the absence is in the student's absences and in the change feed", async () => {
  const unitId = units[0]!.id;
  const student = studentOf(dataset, unitId);
  const input: Ops.ReportAbsenceMutationVariables['input'] = {
    type: 'ANMALD_FRANVARO',
    startTime: '2026-11-16T08:00:00+01:00',
    endTime: '2026-11-16T16:00:00+01:00',
    student: student.id,
    organisation: unitId,
  };
  const written = await run<Ops.ReportAbsenceMutation>('12-report-absence', { input }, DEMO_KEYS.attendance);
  const absence = written.createAbsence!.absence!;
  expect(absence).toMatchObject({ type: 'ANMALD_FRANVARO', student: { id: student.id }, organisation: { id: unitId } });
  const { data, errors } = await graph.query<{ person: { absences: { id: string; type: string }[] } }>(
    'query ($id: ID!) { person(id: $id) { absences { id type } } }',
    { id: student.id },
    { apiKey: DEMO_KEYS.full },
  );
  expect(errors).toBeUndefined();
  expect(data!.person.absences).toContainEqual({ id: absence.id, type: 'ANMALD_FRANVARO' });
  // The producer tells the gateway (its webhook); the gateway reads what changed and feeds it on.
  const change = await eventually(async () => {
    const feed = await graph.query<{ changes: { edges: { node: { type: string; id: string; change: string } }[] } }>(
      '{ changes(types: [ABSENCE], first: 1000) { edges { node { type id change } } } }',
      undefined,
      { apiKey: DEMO_KEYS.full },
    );
    expect(feed.errors).toBeUndefined();
    return feed.data!.changes.edges.map((edge) => edge.node).find((node) => node.id === absence.id);
  }, 'the reported absence in the change feed');
  expect(change).toEqual({ type: 'ABSENCE', id: absence.id, change: 'MODIFIED' });
});
