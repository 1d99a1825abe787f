// POST /X/lookup with every body field, `expand` into `_embedded`, and `expandReferenceNames`.
import type * as W from '../../../src/ss12000/wire';
import { startDemo, type Demo } from './harness';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo.running.close());

const all = <T>(c: { values(): IterableIterator<T> }): T[] => [...c.values()];
const sortedIds = (items: { id: string }[]): string[] => items.map((i) => i.id).sort();
const students = (): W.Person[] => all(demo.dataset.persons).filter((p) => (p.enrolments ?? []).length > 0);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('lookups', () => {
  it('persons by ids and civicNos: a bare array, the union, each person once, unknown keys left out', async () => {
    const [a, b] = students();
    const answer = await demo.post('register', '/persons/lookup', {
      ids: [a!.id, UNKNOWN],
      civicNos: [b!.civicNo!.value, a!.civicNo!.value],
    });
    expect(answer.status).toBe(200);
    expect(Array.isArray(answer.body)).toBe(true);
    expect(sortedIds(answer.body)).toEqual([a!.id, b!.id].sort());
  });

  it('organisations by schoolUnitCodes and organisationCodes', async () => {
    const unit = all(demo.dataset.organisations).find((o) => o.schoolUnitCode)!;
    const answer = await demo.post('register', '/organisations/lookup', { schoolUnitCodes: [unit.schoolUnitCode] });
    expect(sortedIds(answer.body)).toEqual([unit.id]);
    const coded = all(demo.dataset.organisations).find((o) => o.organisationCode)!;
    const byCode = await demo.post('register', '/organisations/lookup', { organisationCodes: [coded.organisationCode] });
    expect(sortedIds(byCode.body)).toEqual(
      sortedIds(all(demo.dataset.organisations).filter((o) => o.organisationCode === coded.organisationCode)),
    );
  });

  it('placements by personIds (as child or as owner)', async () => {
    const placement = all(demo.dataset.placements)[0]!;
    const owner = placement.owners![0]!.id;
    const expected = all(demo.dataset.placements).filter((p) => p.child.id === owner || p.owners?.some((o) => o.id === owner));
    expect(sortedIds((await demo.post('register', '/placements/lookup', { personIds: [owner] })).body)).toEqual(sortedIds(expected));
  });

  it('activities by members and by teachers', async () => {
    const student = students()[0]!;
    const mine = (await demo.get('schedule', `/activities?member=${student.id}`)).body.data;
    expect(mine.length).toBeGreaterThan(0);
    expect(sortedIds((await demo.post('schedule', '/activities/lookup', { members: [student.id] })).body)).toEqual(sortedIds(mine));
    const duty = all(demo.dataset.activities).find((a) => a.teachers?.length)!.teachers![0]!.duty.id;
    const taught = all(demo.dataset.activities).filter((a) => a.teachers?.some((t) => t.duty.id === duty));
    expect(sortedIds((await demo.post('schedule', '/activities/lookup', { teachers: [duty] })).body)).toEqual(sortedIds(taught));
  });

  it('calendarEvents by activities', async () => {
    const activity = all(demo.dataset.activities)[0]!.id;
    const expected = all(demo.dataset.calendarEvents).filter((e) => e.activity.id === activity);
    expect(sortedIds((await demo.post('schedule', '/calendarEvents/lookup', { activities: [activity] })).body)).toEqual(
      sortedIds(expected),
    );
  });

  it('attendances by calendareEvents (the spec spelling) and by students', async () => {
    const row = demo.dataset.attendances.values().next().value!;
    const expected = [...demo.dataset.attendances.where!('calendarEvent.id', row.calendarEvent.id)!];
    expect(sortedIds((await demo.post('attendance', '/attendances/lookup', { calendareEvents: [row.calendarEvent.id] })).body)).toEqual(
      sortedIds(expected),
    );
    const byStudent = await demo.post('attendance', '/attendances/lookup', { students: [row.student.id] });
    expect(byStudent.body.every((a: W.Attendance) => a.student.id === row.student.id)).toBe(true);
    expect(byStudent.body.map((a: W.Attendance) => a.id)).toContain(row.id);
  });

  it('attendanceEvents by person and group', async () => {
    const e = all(demo.dataset.attendanceEvents)[0]!;
    const expected = all(demo.dataset.attendanceEvents).filter((x) => x.person.id === e.person.id);
    expect(sortedIds((await demo.post('attendance', '/attendanceEvents/lookup', { person: [e.person.id] })).body)).toEqual(
      sortedIds(expected),
    );
    const inGroup = all(demo.dataset.attendanceEvents).filter((x) => x.group.id === e.group.id);
    expect(sortedIds((await demo.post('attendance', '/attendanceEvents/lookup', { group: [e.group.id] })).body)).toEqual(
      sortedIds(inGroup),
    );
  });
});

describe('expand', () => {
  it('persons: groupMemberships, duties, responsibleFor and placements land in _embedded', async () => {
    const student = students()[0]!;
    const guardian = student.responsibles![0]!.person!.id;
    const answer = await demo.get('register', `/persons/${student.id}?expand=groupMemberships&expand=placements`);
    const groups = all(demo.dataset.groups).filter((g) => g.groupMemberships?.some((m) => m.person.id === student.id));
    expect(answer.body._embedded.groupMemberships.map((m: { group: W.Group }) => m.group.id).sort()).toEqual(sortedIds(groups));
    expect(answer.body._embedded.groupMemberships[0].group.groupMemberships).toBeUndefined();
    const parent = await demo.get('register', `/persons/${guardian}?expand=responsibleFor`);
    expect(parent.body._embedded.responsibleFor).toContainEqual({ person: { id: student.id }, relationType: expect.any(String) });
    const placement = all(demo.dataset.placements)[0]!;
    const child = await demo.get('register', `/persons/${placement.child.id}?expand=placements`);
    expect(child.body._embedded.placements.map((p: W.Placement) => p.id)).toContain(placement.id);
    const duty = all(demo.dataset.duties)[0]!;
    const staff = await demo.post('register', '/persons/lookup?expand=duties', { ids: [duty.person!.id] });
    expect(staff.body[0]._embedded.duties.map((d: W.Duty) => d.id)).toContain(duty.id);
  });

  it('activities: groups, teachers and syllabus are the full objects', async () => {
    const activity = all(demo.dataset.activities).find((a) => a.syllabus && a.teachers?.length)!;
    const answer = await demo.get('schedule', `/activities/${activity.id}?expand=groups,teachers,syllabus`);
    expect(answer.body._embedded.groups).toEqual(activity.groups.map((g) => JSON.parse(JSON.stringify(demo.dataset.groups.get(g.id)))));
    expect(answer.body._embedded.teachers.map((d: W.Duty) => d.id)).toEqual(activity.teachers!.map((t) => t.duty.id));
    expect(answer.body._embedded.syllabus.id).toBe(activity.syllabus!.id);
  });

  it('calendarEvents: the activity and the lesson attendance', async () => {
    const row = demo.dataset.attendances.values().next().value!;
    const answer = await demo.get('schedule', `/calendarEvents/${row.calendarEvent.id}?expand=activity&expand=attendance`);
    expect(answer.body._embedded.activity.id).toBe(answer.body.activity.id);
    expect(answer.body._embedded.attendance.map((a: W.Attendance) => a.id)).toContain(row.id);
  });

  it('without expand there is no _embedded', async () => {
    const answer = await demo.get('register', `/persons/${students()[0]!.id}`);
    expect(answer.body._embedded).toBeUndefined();
  });
});

describe('expandReferenceNames', () => {
  it('gives every reference a displayName, and person references their securityMarking', async () => {
    const group = all(demo.dataset.groups).find((g) => (g.groupMemberships ?? []).length > 0)!;
    const plain = await demo.get('register', `/groups/${group.id}`);
    expect(plain.body.organisation).toEqual({ id: group.organisation.id });
    const named = await demo.get('register', `/groups/${group.id}?expandReferenceNames=true`);
    const org = demo.dataset.organisations.get(group.organisation.id)!;
    expect(named.body.organisation).toEqual({ id: org.id, displayName: org.displayName });
    const member = demo.dataset.persons.get(group.groupMemberships![0]!.person.id)!;
    expect(named.body.groupMemberships[0].person).toEqual({
      id: member.id,
      displayName: expect.stringContaining(member.familyName),
      securityMarking: member.securityMarking ?? 'Ingen',
    });
    // The dataset's shared reference objects are not changed by naming them in an answer.
    expect(group.organisation).toEqual({ id: org.id });
  });

  it('names references inside lists, lookups and embedded objects too', async () => {
    const activity = all(demo.dataset.activities)[0]!;
    const listed = await demo.get(
      'schedule',
      `/activities?organisation=${activity.organisation.id}&expandReferenceNames=true&expand=groups&limit=5`,
    );
    const first = listed.body.data[0];
    expect(first.organisation.displayName).toEqual(expect.any(String));
    expect(first.groups[0].displayName).toEqual(expect.any(String));
    expect(first._embedded.groups[0].organisation.displayName).toEqual(expect.any(String));
    const looked = await demo.post('schedule', '/activities/lookup?expandReferenceNames=true', { ids: [activity.id] });
    expect(looked.body[0].groups[0].displayName).toBe(demo.dataset.groups.get(activity.groups[0]!.id)!.displayName);
  });
});
