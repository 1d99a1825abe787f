// loadBy(): "all rows of R whose lookup field matches key". Keys of one tick share one
// POST /X/lookup (or one list walk per page of keys, where the spec's list filter is an array) when
// rows say which key they belong to; otherwise one request per distinct key.
import type { Dataset } from '../../src/demo/dataset';
import { createSourceClients, UNRESTRICTED, type SourceClients } from '../../src/sources';
import type { Activity } from '../../src/ss12000/wire';
import { sourcesConfig } from './support/config';
import { startFakeProducer, type FakeProducer, type Received, type Reply } from './support/fake-producer';
import { municipality } from './support/municipality';

// The spec's meaning of the activities lookup fields, answered from the generated data.
const activitiesLookup =
  (dataset: Dataset) =>
  ({ body, query }: Received): Reply => {
    const { teachers = [], members = [] } = body as { teachers?: string[]; members?: string[] };
    const groupsOfMembers = new Set(
      [...dataset.groups.values()].filter((g) => (g.groupMemberships ?? []).some((m) => members.includes(m.person.id))).map((g) => g.id),
    );
    const rows = [...dataset.activities.values()].filter(
      (a) => (a.teachers ?? []).some((t) => teachers.includes(t.duty.id)) || a.groups.some((g) => groupsOfMembers.has(g.id)),
    );
    if (!query.getAll('expand').includes('groups')) return { json: rows };
    return { json: rows.map((a) => ({ ...a, _embedded: { groups: a.groups.map((g) => dataset.groups.get(g.id)) } })) };
  };

const activitiesOfMember = (personId: string): string[] => {
  const groups = new Set(
    [...municipality().groups.values()].filter((g) => (g.groupMemberships ?? []).some((m) => m.person.id === personId)).map((g) => g.id),
  );
  return [...municipality().activities.values()]
    .filter((a) => a.groups.some((g) => groups.has(g.id)))
    .map((a) => a.id!)
    .sort();
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
  for (const activity of municipality().activities.values())
    for (const t of activity.teachers ?? []) if (ids.size < count) ids.add(t.duty.id);
  return [...ids];
};

test('keys whose rows name them share one lookup, and each key gets exactly its rows', async () => {
  const duties = teachingDuties(6);
  const { schedule } = clients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(duties.map((duty) => schedule.loadBy('activities', 'teachers', duty)));
  expect(producer.received).toHaveLength(1);
  expect(producer.received[0]?.body).toEqual({ teachers: duties });
  duties.forEach((duty, i) => {
    expect(answers[i]?.map((a) => a.id).sort()).toEqual(
      activitiesOfDuty(duty)
        .map((a) => a.id)
        .sort(),
    );
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
  const [ofFirst, ofSecond] = await Promise.all([
    schedule.loadBy('activities', 'teachers', first),
    schedule.loadBy('activities', 'teachers', second),
  ]);
  await coClients.close();
  await custom.close();
  expect(custom.received).toHaveLength(1);
  expect(ofFirst).toEqual([coTaught]);
  expect(ofSecond).toEqual([coTaught]);
});

test('members share one lookup asked with expand=groups, each person gets the activities whose groups list them', async () => {
  const students = [
    ...new Set([...municipality().groups.values()].flatMap((g) => (g.groupMemberships ?? []).map((m) => m.person.id))),
  ].slice(0, 3);
  const { schedule } = clients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(students.map((student) => schedule.loadBy('activities', 'members', student)));
  expect(producer.received).toHaveLength(1);
  expect(producer.received[0]?.body).toEqual({ members: students });
  expect(producer.received[0]?.query.getAll('expand')).toEqual(['groups']);
  students.forEach((student, i) => {
    expect(answers[i]?.length).toBeGreaterThan(0);
    expect(answers[i]?.map((a) => a.id).sort()).toEqual(activitiesOfMember(student));
    // The groups were asked for only to split the rows: callers get activities as without expand.
    expect(answers[i]?.some((a) => '_embedded' in a)).toBe(false);
  });
});

test('an activity whose embedded groups name none of the asked members is given to no one', async () => {
  const [student] = [...municipality().groups.values()].flatMap((g) => (g.groupMemberships ?? []).map((m) => m.person.id));
  const stranger = [...municipality().activities.values()].find((a) => !activitiesOfMember(student!).includes(a.id!))!;
  const custom = await startFakeProducer(() => ({
    json: [{ ...stranger, _embedded: { groups: stranger.groups.map((g) => municipality().groups.get(g.id)) } }],
  }));
  const customClients = createSourceClients(sourcesConfig(custom.url));
  const { schedule } = customClients.forRequest(UNRESTRICTED);
  const rows = await schedule.loadBy('activities', 'members', student!);
  await customClients.close();
  await custom.close();
  expect(rows).toEqual([]);
});

test('a producer that ignores expand=groups: the rows cannot be split, so each person is asked on their own', async () => {
  const dataset = municipality();
  const students = [...new Set([...dataset.groups.values()].flatMap((g) => (g.groupMemberships ?? []).map((m) => m.person.id)))].slice(
    0,
    3,
  );
  const plain = activitiesLookup(dataset);
  const ignoring = await startFakeProducer((request) => plain({ ...request, query: new URLSearchParams() }));
  const ignoringClients = createSourceClients(sourcesConfig(ignoring.url));
  const { schedule } = ignoringClients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(students.map((student) => schedule.loadBy('activities', 'members', student)));
  await ignoringClients.close();
  await ignoring.close();
  expect(ignoring.received.map((r) => r.body)).toEqual([{ members: students }, ...students.map((s) => ({ members: [s] }))]);
  students.forEach((student, i) => expect(answers[i]?.map((a) => a.id).sort()).toEqual(activitiesOfMember(student)));
});

test('a key with no rows gets an empty list', async () => {
  const { schedule } = clients.forRequest(UNRESTRICTED);
  await expect(schedule.loadBy('activities', 'teachers', '00000000-0000-4000-8000-000000000000')).resolves.toEqual([]);
});

test('a field the producer does not offer is a programming error, and nothing is sent', async () => {
  const sources = clients.forRequest(UNRESTRICTED);
  await expect(sources.schedule.loadBy('activities', 'organisation', 'x')).rejects.toThrow(
    /no reverse lookup 'organisation' on activities/,
  );
  await expect(sources.grades.loadBy('grades', 'gradingTeacher', 'x')).rejects.toThrow(/no reverse lookup/);
  expect(producer.received).toHaveLength(0);
});

// /studyplans?student= is an array in the spec: many students per walk, rows split by their own student.id.
const studyplansProducer = (dataset: Dataset) =>
  startFakeProducer(({ path, query }) => {
    const wanted = new Set(query.getAll('student'));
    const rows = [...dataset.studyplans.values()].filter((plan) => wanted.has(plan.student.id));
    return path === '/studyplans' ? { json: { data: rows, pageToken: null } } : { status: 404, json: {} };
  });

test('where the list filter takes many values, one walk serves a page of keys, each key its own rows', async () => {
  const dataset = municipality();
  const students = [...new Set([...dataset.studyplans.values()].map((plan) => plan.student.id))].slice(0, 3);
  const listing = await studyplansProducer(dataset);
  const listClients = createSourceClients(sourcesConfig(listing.url));
  const { grades } = listClients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(students.map((student) => grades.loadBy('studyplans', 'student', student)));
  await listClients.close();
  await listing.close();
  expect(listing.received).toHaveLength(1);
  expect(listing.received[0]?.query.getAll('student')).toEqual(students);
  answers.forEach((plans, i) => {
    const expected = [...dataset.studyplans.values()]
      .filter((plan) => plan.student.id === students[i])
      .map((plan) => plan.id)
      .sort();
    expect(plans.map((plan) => plan.id).sort()).toEqual(expected);
  });
});

test('a many-valued list filter is walked once per 100 keys (the ids travel in the URL)', async () => {
  const dataset = municipality();
  // Students with and without study plans: a key without rows gets an empty list.
  const students = [...new Set([...dataset.groups.values()].flatMap((g) => (g.groupMemberships ?? []).map((m) => m.person.id)))].slice(
    0,
    150,
  );
  expect(students).toHaveLength(150);
  const listing = await studyplansProducer(dataset);
  const listClients = createSourceClients(sourcesConfig(listing.url, { maxBatchSize: 1000 }));
  const { grades } = listClients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(students.map((student) => grades.loadBy('studyplans', 'student', student)));
  await listClients.close();
  await listing.close();
  expect(listing.received.map((r) => r.query.getAll('student').length).sort((a, b) => a - b)).toEqual([50, 100]);
  answers.forEach((plans, i) => {
    const expected = [...dataset.studyplans.values()]
      .filter((plan) => plan.student.id === students[i])
      .map((plan) => plan.id)
      .sort();
    expect(plans.map((plan) => plan.id).sort()).toEqual(expected);
  });
});

test('a producer that ignores the many-valued filter: other students\u2019 rows are dropped, each asked student gets only its own', async () => {
  const dataset = municipality();
  const students = [...new Set([...dataset.studyplans.values()].map((plan) => plan.student.id))].slice(0, 3);
  const everything = await startFakeProducer(({ path }) =>
    path === '/studyplans' ? { json: { data: [...dataset.studyplans.values()], pageToken: null } } : { status: 404, json: {} },
  );
  const listClients = createSourceClients(sourcesConfig(everything.url));
  const { grades } = listClients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(students.map((student) => grades.loadBy('studyplans', 'student', student)));
  await listClients.close();
  await everything.close();
  expect(everything.received).toHaveLength(1);
  expect(dataset.studyplans.size).toBeGreaterThan(students.length);
  answers.forEach((plans, i) => {
    const expected = [...dataset.studyplans.values()]
      .filter((plan) => plan.student.id === students[i])
      .map((plan) => plan.id)
      .sort();
    expect(plans.map((plan) => plan.id).sort()).toEqual(expected);
  });
});

test('a list filter taking one value is walked once per distinct key, however often the key is asked', async () => {
  const dataset = municipality();
  const students = [...new Set([...dataset.grades.values()].map((grade) => grade.student.id))].slice(0, 2);
  const listing = await startFakeProducer(({ path, query }) => {
    const rows = [...dataset.grades.values()].filter((grade) => grade.student.id === query.get('student'));
    return path === '/grades' ? { json: { data: rows, pageToken: null } } : { status: 404, json: {} };
  });
  const listClients = createSourceClients(sourcesConfig(listing.url));
  const { grades } = listClients.forRequest(UNRESTRICTED);
  const asked = [...students, ...students];
  const answers = await Promise.all(asked.map((student) => grades.loadBy('grades', 'student', student)));
  await listClients.close();
  await listing.close();
  expect(listing.received.map((r) => `${r.method} ${r.path}?${r.query}`).sort()).toEqual(
    students.map((s) => `GET /grades?student=${s}&limit=100`).sort(),
  );
  answers.forEach((rows, i) => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((grade) => grade.student.id === asked[i])).toBe(true);
  });
});
