// Endpoint filters, one scenario per path family, each checked against the dataset itself.
import type * as W from '../../../src/ss12000/wire';
import { startDemo, walk, type Demo } from './harness';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo.running.close());

const all = <T>(c: { values(): IterableIterator<T> }): T[] => [...c.values()];
const sortedIds = (items: { id: string }[]): string[] => items.map((i) => i.id).sort();
const q = encodeURIComponent;
const students = (): W.Person[] => all(demo.dataset.persons).filter((p) => (p.enrolments ?? []).length > 0);

describe('register filters', () => {
  it('organisations by type and by school unit code', async () => {
    const units = all(demo.dataset.organisations).filter((o) => o.organisationType === 'Skolenhet');
    expect(units.length).toBeGreaterThan(0);
    expect(sortedIds((await demo.get('register', '/organisations?type=Skolenhet')).body.data)).toEqual(sortedIds(units));
    const byCode = await demo.get('register', `/organisations?schoolUnitCode=${units[0]!.schoolUnitCode}`);
    expect(sortedIds(byCode.body.data)).toEqual([units[0]!.id]);
  });

  it('persons by nameContains (every given part, any name, case-insensitive)', async () => {
    const someone = students()[3]!;
    const part = someone.familyName.slice(1, 4).toUpperCase();
    const expected = all(demo.dataset.persons).filter((p) =>
      [p.givenName, p.middleName, p.familyName].some((n) => n?.toLowerCase().includes(part.toLowerCase())),
    );
    const answer = await walk(demo, 'register', `/persons?nameContains=${q(part)}`, 1000);
    expect(sortedIds(answer)).toEqual(sortedIds(expected));
    const both = await walk(demo, 'register', `/persons?nameContains=${q(someone.givenName)}&nameContains=${q(someone.familyName)}`, 1000);
    expect(both.map((p: W.Person) => p.id)).toContain(someone.id);
    expect(both.every((p: W.Person) => p.givenName.includes(someone.givenName) || p.familyName.includes(someone.givenName))).toBe(true);
  });

  it('persons by civicNo, eduPersonPrincipalName and external identifier', async () => {
    const p = students()[0]!;
    expect(sortedIds((await demo.get('register', `/persons?civicNo=${p.civicNo!.value}`)).body.data)).toEqual([p.id]);
    expect(
      sortedIds((await demo.get('register', `/persons?eduPersonPrincipalName=${q(p.eduPersonPrincipalNames![0]!)}`)).body.data),
    ).toEqual([p.id]);
    const ident = p.externalIdentifiers![0]!;
    const byIdentifier = await demo.get('register', `/persons?identifier.value=${q(ident.value)}&identifier.context=${q(ident.context!)}`);
    expect(sortedIds(byIdentifier.body.data)).toEqual([p.id]);
  });

  it('persons by relationship: enrolled at one school unit', async () => {
    const unit = students()[0]!.enrolments![0]!.enroledAt.id;
    const expected = students().filter((p) => p.enrolments!.some((e) => e.enroledAt.id === unit));
    const answer = await walk(demo, 'register', `/persons?relationship.entity.type=enrolment&relationship.organisation=${unit}`, 1000);
    expect(sortedIds(answer)).toEqual(sortedIds(expected));
  });

  it('persons by relationship: staff with a duty, and guardians of enrolled children', async () => {
    const staff = new Set(all(demo.dataset.duties).map((d) => d.person!.id));
    expect(sortedIds(await walk(demo, 'register', '/persons?relationship.entity.type=duty', 1000))).toEqual([...staff].sort());
    const guardians = new Set(students().flatMap((s) => (s.responsibles ?? []).map((r) => r.person!.id)));
    expect(guardians.size).toBeGreaterThan(0);
    const answer = await walk(demo, 'register', '/persons?relationship.entity.type=responsibleFor.enrolment', 1000);
    expect(sortedIds(answer)).toEqual([...guardians].sort());
  });

  it('groups by groupType, organisation and startDate', async () => {
    const g = all(demo.dataset.groups).find((x) => x.groupType === 'Klass')!;
    const expected = all(demo.dataset.groups).filter((x) => x.groupType === 'Klass' && x.organisation.id === g.organisation.id);
    const answer = await demo.get('register', `/groups?groupType=Klass&organisation=${g.organisation.id}`);
    expect(sortedIds(answer.body.data)).toEqual(sortedIds(expected));
    const late = all(demo.dataset.groups).filter((x) => x.startDate >= g.startDate);
    expect(sortedIds((await demo.get('register', `/groups?startDate.onOrAfter=${g.startDate}`)).body.data)).toEqual(sortedIds(late));
  });

  it('duties by person and by dutyRole', async () => {
    const d = all(demo.dataset.duties)[0]!;
    expect(sortedIds((await demo.get('register', `/duties?person=${d.person!.id}`)).body.data)).toEqual(
      sortedIds(all(demo.dataset.duties).filter((x) => x.person?.id === d.person!.id)),
    );
    const teachers = all(demo.dataset.duties).filter((x) => x.dutyRole === 'Lärare');
    expect(sortedIds((await demo.get('register', `/duties?dutyRole=${q('Lärare')}`)).body.data)).toEqual(sortedIds(teachers));
  });

  it('meta.modified: after is exclusive, before is inclusive', async () => {
    const p = students()[0]!;
    const at = p.meta.modified;
    const after = await walk(demo, 'register', `/persons?meta.modified.after=${q(at)}`, 1000);
    const before = await walk(demo, 'register', `/persons?meta.modified.before=${q(at)}`, 1000);
    expect(after.map((x: W.Person) => x.id)).not.toContain(p.id);
    expect(before.map((x: W.Person) => x.id)).toContain(p.id);
    expect(after.length + before.length).toBe(demo.dataset.persons.size);
  });
});

describe('schedule filters', () => {
  it('activities of a student (member) and of a teacher (duty)', async () => {
    const student = students()[0]!;
    const groups = new Set(
      all(demo.dataset.groups)
        .filter((g) => g.groupMemberships?.some((m) => m.person.id === student.id))
        .map((g) => g.id),
    );
    const expected = all(demo.dataset.activities).filter((a) => a.groups.some((g) => groups.has(g.id)));
    expect(expected.length).toBeGreaterThan(0);
    expect(sortedIds((await demo.get('schedule', `/activities?member=${student.id}`)).body.data)).toEqual(sortedIds(expected));
    const duty = expected.find((a) => a.teachers?.length)!.teachers![0]!.duty.id;
    const taught = all(demo.dataset.activities).filter((a) => a.teachers?.some((t) => t.duty.id === duty));
    expect(sortedIds((await demo.get('schedule', `/activities?teacher=${duty}`)).body.data)).toEqual(sortedIds(taught));
  });

  it('calendarEvents of one activity in a week, with endTime bounds', async () => {
    const activity = all(demo.dataset.activities)[0]!;
    const from = '2026-09-07T00:00:00+02:00';
    const to = '2026-09-13T23:59:59+02:00';
    const expected = all(demo.dataset.calendarEvents).filter(
      (e) => e.activity.id === activity.id && Date.parse(e.startTime) >= Date.parse(from) && Date.parse(e.startTime) <= Date.parse(to),
    );
    expect(expected.length).toBeGreaterThan(0);
    const answer = await demo.get(
      'schedule',
      `/calendarEvents?activity=${activity.id}&startTime.onOrAfter=${q(from)}&startTime.onOrBefore=${q(to)}`,
    );
    expect(sortedIds(answer.body.data)).toEqual(sortedIds(expected));
    const none = await demo.get(
      'schedule',
      `/calendarEvents?activity=${activity.id}&startTime.onOrAfter=${q(from)}&startTime.onOrBefore=${q(to)}&endTime.onOrBefore=${q(from)}`,
    );
    expect(none.body.data).toEqual([]);
  });

  it('rooms of one school unit', async () => {
    const room = all(demo.dataset.rooms)[0]!;
    const expected = all(demo.dataset.rooms).filter((r) => r.owner.id === room.owner.id);
    expect(sortedIds((await demo.get('schedule', `/rooms?organisation=${room.owner.id}`)).body.data)).toEqual(sortedIds(expected));
  });
});

describe('attendance and grades filters', () => {
  it('attendances of one lesson', async () => {
    const event = demo.dataset.attendances.values().next().value!.calendarEvent.id;
    const expected = [...demo.dataset.attendances.where!('calendarEvent.id', event)!];
    expect(expected.length).toBeGreaterThan(0);
    expect(sortedIds((await demo.get('attendance', `/attendances?calendarEvent=${event}`)).body.data)).toEqual(sortedIds(expected));
  });

  it('absences by type and student', async () => {
    const a = all(demo.dataset.absences)[0]!;
    const expected = all(demo.dataset.absences).filter((x) => x.type === a.type && x.student.id === a.student.id);
    const answer = await demo.get('attendance', `/absences?type=${q(a.type)}&student=${a.student.id}`);
    expect(sortedIds(answer.body.data)).toEqual(sortedIds(expected));
  });

  it('aggregatedAttendance for one student over a month equals the dataset aggregate', async () => {
    const student = students()[0]!.id;
    const expected = [...demo.dataset.aggregatedAttendance({ startDate: '2026-09-01', endDate: '2026-09-30', student: [student] })];
    expect(expected.length).toBeGreaterThan(0);
    const answer = await demo.get('attendance', `/aggregatedAttendance?startDate=2026-09-01&endDate=2026-09-30&student=${student}`);
    expect(answer.body.data).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('grades of a student registered on or after a date', async () => {
    const g = all(demo.dataset.grades)[0]!;
    const expected = all(demo.dataset.grades).filter((x) => x.student.id === g.student.id && x.registeredDate >= g.registeredDate);
    const answer = await demo.get('grades', `/grades?student=${g.student.id}&registeredDate.onOrAfter=${g.registeredDate}`);
    expect(sortedIds(answer.body.data)).toEqual(sortedIds(expected));
  });
});
