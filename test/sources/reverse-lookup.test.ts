// loadBy(): "all rows of R whose lookup field matches key". Keys of one tick share one
// POST /X/lookup when rows say which key they belong to; otherwise one POST per key.
import type { Dataset } from '../../src/demo/dataset';
import { createSourceClients, UNRESTRICTED, type SourceClients } from '../../src/sources';
import type { Activity } from '../../src/ss12000/wire';
import { sourcesConfig } from './support/config';
import { startFakeProducer, type FakeProducer, type Received, type Reply } from './support/fake-producer';
import { municipality } from './support/municipality';

// The spec's meaning of the activities lookup fields, answered from the generated data.
const activitiesLookup = (dataset: Dataset) => ({ body }: Received): Reply => {
  const { teachers = [], members = [] } = body as { teachers?: string[]; members?: string[] };
  const groupsOfMembers = new Set(
    [...dataset.groups.values()].filter((g) => (g.groupMemberships ?? []).some((m) => members.includes(m.person.id))).map((g) => g.id),
  );
  const rows = [...dataset.activities.values()].filter(
    (a) => (a.teachers ?? []).some((t) => teachers.includes(t.duty.id)) || a.groups.some((g) => groupsOfMembers.has(g.id)),
  );
  return { json: rows };
};

let producer: FakeProducer;
let clients: SourceClients;

beforeEach(async () => {
  producer = await startFakeProducer(activitiesLookup(municipality()));
  clients = createSourceClients(sourcesConfig(producer.url, { maxBatchSize: 50 }));
});

afterEach(async () => {
  await clients.close();
  await producer.close();
});

const activitiesOfDuty = (dutyId: string): Activity[] =>
  [...municipality().activities.values()].filter((a) => (a.teachers ?? []).some((t) => t.duty.id === dutyId));

const teachingDuties = (count: number): string[] => {
  const ids = new Set<string>();
  for (const activity of municipality().activities.values()) for (const t of activity.teachers ?? []) if (ids.size < count) ids.add(t.duty.id);
  return [...ids];
};

test('keys whose rows name them share one lookup, and each key gets exactly its rows', async () => {
  const duties = teachingDuties(6);
  const { schedule } = clients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(duties.map((duty) => schedule.loadBy('activities', 'teachers', duty)));
  expect(producer.received).toHaveLength(1);
  expect(producer.received[0]?.body).toEqual({ teachers: duties });
  duties.forEach((duty, i) => {
    expect(answers[i]?.map((a) => a.id).sort()).toEqual(activitiesOfDuty(duty).map((a) => a.id).sort());
  });
});

test('an activity taught by two of the requested duties is given to both', async () => {
  // The generated timetable has one teacher per activity: give one a co-teacher.
  const [first, second] = teachingDuties(2) as [string, string];
  const base = activitiesOfDuty(first)[0] as Activity;
  const coTaught: Activity = { ...base, teachers: [{ duty: { id: first } }, { duty: { id: second } }] };
  const custom = await startFakeProducer(() => ({ json: [coTaught] }));
  const coClients = createSourceClients(sourcesConfig(custom.url));
  const { schedule } = coClients.forRequest(UNRESTRICTED);
  const [ofFirst, ofSecond] = await Promise.all([schedule.loadBy('activities', 'teachers', first), schedule.loadBy('activities', 'teachers', second)]);
  await coClients.close();
  await custom.close();
  expect(custom.received).toHaveLength(1);
  expect(ofFirst).toEqual([coTaught]);
  expect(ofSecond).toEqual([coTaught]);
});

test('members cannot be told apart in the rows, so each person gets a lookup of their own', async () => {
  const students = [...municipality().groups.values()].flatMap((g) => (g.groupMemberships ?? []).map((m) => m.person.id)).slice(0, 3);
  const { schedule } = clients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(students.map((student) => schedule.loadBy('activities', 'members', student)));
  expect(producer.received.map((r) => r.body)).toEqual(expect.arrayContaining(students.map((s) => ({ members: [s] }))));
  expect(producer.received).toHaveLength(3);
  expect(answers.every((rows) => rows.length > 0)).toBe(true);
});

test('a key with no rows gets an empty list', async () => {
  const { schedule } = clients.forRequest(UNRESTRICTED);
  await expect(schedule.loadBy('activities', 'teachers', '00000000-0000-4000-8000-000000000000')).resolves.toEqual([]);
});

test('a field the producer does not offer is a programming error, and nothing is sent', async () => {
  const sources = clients.forRequest(UNRESTRICTED);
  await expect(sources.schedule.loadBy('activities', 'organisation', 'x')).rejects.toThrow(/no reverse lookup 'organisation' on activities/);
  await expect(sources.grades.loadBy('grades', 'gradingTeacher', 'x')).rejects.toThrow(/no reverse lookup/);
  expect(producer.received).toHaveLength(0);
});

test('where the lookup body has no such field, the list filter is walked instead, once per key', async () => {
  const dataset = municipality();
  const students = [...dataset.studyplans.values()].slice(0, 2).map((plan) => plan.student.id);
  const listing = await startFakeProducer(({ path, query }) => {
    const rows = [...dataset.studyplans.values()].filter((plan) => plan.student.id === query.get('student'));
    return path === '/studyplans' ? { json: { data: rows, pageToken: null } } : { status: 404, json: {} };
  });
  const listClients = createSourceClients(sourcesConfig(listing.url));
  const { grades } = listClients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(students.map((student) => grades.loadBy('studyplans', 'student', student)));
  await listClients.close();
  await listing.close();
  expect(listing.received.map((r) => `${r.method} ${r.path}?${r.query}`).sort()).toEqual(students.map((s) => `GET /studyplans?student=${s}&limit=100`).sort());
  answers.forEach((plans, i) => {
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((plan) => plan.student.id === students[i])).toBe(true);
  });
});
