// Lists (issue 11): absent, null and empty are the same `[]` on every list field; reverse links and
// nested lists with an order in the domain come in it whatever order the producer sends; a root list's
// `sortkey` is the producer's to honour, and its order stands. Over real HTTP (startE2E, demo-full-key).
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashApiKey } from '../../../src/auth';
import { DEFAULT_SUPPLIERS_PATH } from '../../../src/config/paths';
import { generateMunicipality } from '../../../src/demo/generator';
import type * as W from '../../../src/ss12000/wire';
import { startE2E, type E2E } from '../../support/e2e';

const dataset = generateMunicipality({ seed: 11, students: 200 });
let graph: E2E;

// A student the producer describes without e-mails (left out), phone numbers (null) or addresses (left out).
const bare = [...dataset.persons.values()].find(
  (p) => p.securityMarking === 'Ingen' && (p.enrolments ?? []).length > 0 && (p.emails ?? []).length > 0,
)!;
// A lesson without rooms (null) and an activity without teachers (left out).
const roomless = [...dataset.calendarEvents.values()].find((e) => (e.rooms ?? []).length > 0)!;
const teacherless = [...dataset.activities.values()].find((a) => a.id !== roomless.activity.id && (a.teachers ?? []).length > 0)!;

const absencesOf = (student: string): W.Absence[] => [...dataset.absences.values()].filter((a) => a.student.id === student);
const distinctTimes = (values: string[]): boolean => new Set(values).size > 1;
// A student with several absences starting at different times.
const absent = [...dataset.persons.values()].find(
  (p) => p.securityMarking === 'Ingen' && distinctTimes(absencesOf(p.id).map((a) => a.startTime)),
)!;
const activityWithLessons = [...dataset.activities.values()].find(
  (a) => [...dataset.calendarEvents.values()].filter((e) => e.activity.id === a.id).length > 3,
)!;

/** `row` as the producer will serve it: without `left` out, `nulled` as null. */
const without = <T extends object>(row: T, left: string[], nulled: string[] = []): T => {
  const out = { ...row } as Record<string, unknown>;
  for (const key of left) delete out[key];
  for (const key of nulled) out[key] = null;
  return out as T;
};

beforeAll(async () => {
  dataset.persons.set(bare.id, without(bare, ['emails', 'addresses'], ['phoneNumbers']));
  dataset.calendarEvents.set(roomless.id, without(roomless, [], ['rooms']));
  dataset.activities.set(teacherless.id, without(teacherless, ['teachers']));
  // A supplier that reads students' e-mails by id, but not their names: it never sees an alias.
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'suppliers-')), 'suppliers.yaml');
  await copyFile(DEFAULT_SUPPLIERS_PATH, file);
  const nameless = `\n  - name: nameless\n    apiKeys:\n      - sha256: ${hashApiKey('nameless-key')}\n    units: all\n    scopes: [attendance, email]\n    protectedIdentities: alias\n`;
  await writeFile(file, (await readFile(file, 'utf8')) + nameless);
  graph = await startE2E({ dataset, suppliersPath: file });
});
afterAll(() => graph.close());
afterEach(() => Object.values(graph.producers).forEach((producer) => producer.setFaults({ reverseRows: false })));

const sortedAsc = (values: number[]): boolean => values.every((value, i) => i === 0 || values[i - 1]! <= value);
const times = (rows: { startTime: string }[]): number[] => rows.map((row) => Date.parse(row.startTime));

test('a list property the producer leaves out or sends as null is [], with no error', async () => {
  const { data, errors } = await graph.query<any>(
    `query ($p: ID!, $e: ID!, $a: ID!) {
      person(id: $p) { id emails { value } phoneNumbers { value } addresses { streetAddress } eduPersonPrincipalNames }
      calendarEvent(id: $e) { id rooms { id } }
      activity(id: $a) { id teachers { duty { id } } }
    }`,
    { p: bare.id, e: roomless.id, a: teacherless.id },
  );
  expect(errors).toBeUndefined();
  expect(data.person).toMatchObject({ id: bare.id, emails: [], phoneNumbers: [], addresses: [] });
  expect(data.calendarEvent).toEqual({ id: roomless.id, rooms: [] });
  expect(data.activity).toEqual({ id: teacherless.id, teachers: [] });
});

test('reverse links with no rows are []', async () => {
  // A guardian has no grades, absences, attendance, study plans or activities of its own; a school unit has no sub-units.
  const guardian = [...dataset.persons.values()].find(
    (p) =>
      p.securityMarking === 'Ingen' &&
      (p.enrolments ?? []).length === 0 &&
      [...dataset.persons.values()].some((c) => (c.responsibles ?? []).some((r) => r.person?.id === p.id)),
  )!;
  const unit = [...dataset.organisations.values()].find(
    (o) => o.organisationType === 'Skolenhet' && ![...dataset.organisations.values()].some((c) => c.parentOrganisation?.id === o.id),
  )!;
  const { data, errors } = await graph.query<any>(
    `query ($p: ID!, $o: ID!) {
      person(id: $p) { grades { id } absences { id } attendances { id } studyPlans { id } activities { id } duties { id } }
      organisation(id: $o) { children { id } }
    }`,
    { p: guardian.id, o: unit.id },
  );
  expect(errors).toBeUndefined();
  expect(data).toEqual({
    person: { grades: [], absences: [], attendances: [], studyPlans: [], activities: [], duties: [] },
    organisation: { children: [] },
  });
});

test("an activity's calendar events and a student's absences come in time order though the producers send them reversed", async () => {
  for (const producer of Object.values(graph.producers)) producer.setFaults({ reverseRows: true });
  const { data, errors } = await graph.query<any>(
    `query ($a: ID!, $s: ID!) {
      activity(id: $a) { calendarEvents { id startTime } }
      absent: person(id: $s) { absences { id startTime } }
    }`,
    { a: activityWithLessons.id, s: absent.id },
  );
  expect(errors).toBeUndefined();
  const lessons = data.activity.calendarEvents;
  expect(lessons.length).toBeGreaterThan(3);
  expect(sortedAsc(times(lessons))).toBe(true);
  expect(data.absent.absences.map((a: { id: string }) => a.id).sort()).toEqual(
    absencesOf(absent.id)
      .map((a) => a.id)
      .sort(),
  );
  expect(sortedAsc(times(data.absent.absences))).toBe(true);
});

test('the same lists without the fault come in the same order (the order is the domain’s, not the producer’s)', async () => {
  const query = `query ($s: ID!) { person(id: $s) { absences { id } } }`;
  const reversed = await (async () => {
    graph.producers.attendance.setFaults({ reverseRows: true });
    return graph.query<any>(query, { s: absent.id });
  })();
  graph.producers.attendance.setFaults({ reverseRows: false });
  const plain = await graph.query<any>(query, { s: absent.id });
  expect(plain.errors).toBeUndefined();
  expect(reversed.data.person.absences).toEqual(plain.data.person.absences);
});

test("a root list's sortkey is the producer's to honour: its order stands", async () => {
  const { data, errors } = await graph.query<any>(
    `query ($s: ID!, $a: ID!) {
      absences(student: $s, sortkey: START_TIME_DESC, first: 100) { edges { node { startTime } } }
      calendarEvents(activity: $a, startTimeOnOrAfter: "2000-01-01T00:00:00Z", startTimeOnOrBefore: "2100-01-01T00:00:00Z", sortkey: START_TIME_DESC, first: 100) { edges { node { startTime } } }
    }`,
    { s: absent.id, a: activityWithLessons.id },
  );
  expect(errors).toBeUndefined();
  const descending = (edges: { node: { startTime: string } }[]) => sortedAsc(times(edges.map((edge) => edge.node)).reverse());
  expect(data.absences.edges.length).toBeGreaterThan(1);
  expect(descending(data.absences.edges)).toBe(true);
  expect(sortedAsc(times(data.absences.edges.map((edge: { node: { startTime: string } }) => edge.node)))).toBe(false);
  expect(data.calendarEvents.edges.length).toBeGreaterThan(3);
  expect(descending(data.calendarEvents.edges)).toBe(true);
});

test("a student's attendance comes in the order of its lessons though the attendance producer sends it reversed", async () => {
  const student = bare.id;
  const expected = [...(dataset.attendances.where?.('student.id', student) ?? [])]
    .map((row) => ({ id: row.id, start: Date.parse(dataset.calendarEvents.get(row.calendarEvent.id)!.startTime) }))
    .sort((a, b) => a.start - b.start);
  expect(new Set(expected.map((row) => row.start)).size).toBeGreaterThan(3);
  graph.producers.attendance.setFaults({ reverseRows: true });
  const { data, errors } = await graph.query<any>(
    `query ($p: ID!) { person(id: $p) { attendances { id calendarEvent { startTime } } week: attendances(startDate: "2026-09-07", endDate: "2026-09-11") { calendarEvent { startTime } } } }`,
    {
      p: student,
    },
  );
  expect(errors).toBeUndefined();
  const starts = (rows: { calendarEvent: { startTime: string } }[]) => rows.map((row) => Date.parse(row.calendarEvent.startTime));
  expect(data.person.attendances.map((row: { id: string }) => row.id).sort()).toEqual(expected.map((row) => row.id).sort());
  expect(sortedAsc(starts(data.person.attendances))).toBe(true);
  expect(data.person.week.length).toBeGreaterThan(3);
  expect(sortedAsc(starts(data.person.week))).toBe(true);
});

test('a supplier that reads e-mails but not names cannot tell a protected student by the shape of the list', async () => {
  const attended = (id: string) => [...(dataset.attendances.where?.('student.id', id) ?? [])].length > 0;
  const hidden = [...dataset.persons.values()].find((p) => p.securityMarking !== 'Ingen' && (p.emails ?? []).length > 0 && attended(p.id))!;
  expect(hidden).toBeDefined();
  expect(attended(bare.id)).toBe(true);
  const QUERY = `query ($s: ID!) { attendances(student: $s, first: 1) { edges { node { student { id givenName emails { value } } } } } }`;
  const emailsOf = async (student: string) => {
    const answer = await graph.query<any>(QUERY, { s: student }, { apiKey: 'nameless-key' });
    // The name is not granted to this supplier: FORBIDDEN, the only error.
    expect(answer.errors?.map((error) => [error.path?.at(-1), error.extensions?.['code']])).toEqual([['givenName', 'FORBIDDEN']]);
    return answer.data.attendances.edges[0].node.student;
  };
  // The protected student's e-mails are withheld, the other one has none: the same answer.
  expect(await emailsOf(hidden.id)).toEqual({ id: hidden.id, givenName: null, emails: [] });
  expect(await emailsOf(bare.id)).toEqual({ id: bare.id, givenName: null, emails: [] });
});
