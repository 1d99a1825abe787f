// The sources against the project's demo producers over a generated municipality of the default
// size: what the gateway asks for is checked against what the producers counted (/_stats).
import type { Dataset } from '../../src/demo/dataset';
import { generateMunicipality } from '../../src/demo/generator';
import { startProducers, type RunningProducers } from '../../src/demo/producers';
import { createSourceClients, UNRESTRICTED, type ProducerConfig, type SourceClients, type SourcesConfig } from '../../src/sources';
import { PRODUCERS } from '../../src/ss12000/resources';

// The producers accept 60 keys per lookup; the gateway is told 50 (and 100 where a test wants 503s).
const PRODUCER_LOOKUP_LIMIT = 60;

let dataset: Dataset;
let running: RunningProducers;
let clients: SourceClients;

const configFor = (overrides: Partial<ProducerConfig>): SourcesConfig =>
  Object.fromEntries(
    PRODUCERS.map((name) => {
      const { url, token } = running.producers[name];
      const config: ProducerConfig = {
        baseUrl: url,
        auth: { kind: 'bearer', token },
        timeoutMs: 10_000,
        maxBatchSize: 50,
        pageSize: 200,
        maxConcurrency: 4,
        ...overrides,
      };
      return [name, config];
    }),
  ) as SourcesConfig;

beforeAll(async () => {
  dataset = generateMunicipality();
  running = await startProducers({ dataset, maxLookupKeys: PRODUCER_LOOKUP_LIMIT });
  clients = createSourceClients(configFor({}));
});

afterAll(async () => {
  await clients.close();
  await running.close();
});

beforeEach(() => {
  for (const name of PRODUCERS) {
    running.producers[name].resetStats();
    running.producers[name].setFaults({ latencyMs: 0, errorRate: 0, timeoutRate: 0, malformedRate: 0 });
  }
});

const routes = (name: (typeof PRODUCERS)[number]) => running.producers[name].stats().byRoute;
const first = <T>(values: IterableIterator<T>, count: number): T[] => [...values].slice(0, count);

test('250 person loads in one tick are five lookups of 50, every person as the producer holds it', async () => {
  const persons = first(dataset.persons.values(), 250);
  const loaded = await clients.forRequest(UNRESTRICTED).register.loadMany(
    'persons',
    persons.map((p) => p.id),
  );
  expect(loaded).toEqual(persons);
  expect(routes('register')).toEqual({ 'POST /persons/lookup': 5 });
});

test('a gateway told 100 ids against a producer taking 60 still gets every person, by halving', async () => {
  const optimistic = createSourceClients(configFor({ maxBatchSize: 100 }));
  const persons = first(dataset.persons.values(), 250);
  const loaded = await optimistic.forRequest(UNRESTRICTED).register.loadMany(
    'persons',
    persons.map((p) => p.id),
  );
  await optimistic.close();
  expect(loaded.map((p) => p?.id)).toEqual(persons.map((p) => p.id));
  // 100 → 503, 50 + 50; 100 → 503, 50 + 50; 50.
  expect(routes('register')).toEqual({ 'POST /persons/lookup': 7 });
});

test("expanded persons pass the spec's PersonExpanded schema and carry _embedded", async () => {
  const [person] = first(dataset.persons.values(), 1);
  const loaded = await clients
    .forRequest(UNRESTRICTED)
    .register.load('persons', person?.id ?? '', { expand: ['groupMemberships', 'duties'] });
  expect(loaded?.id).toBe(person?.id);
  expect(loaded).toHaveProperty('_embedded');
  expect(routes('register')['POST /persons/lookup']).toBe(1);
});

test('the lessons of 30 activities are one calendarEvents lookup, split back per activity', async () => {
  const activities = first(dataset.activities.values(), 30);
  const { schedule } = clients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(activities.map((a) => schedule.loadBy('calendarEvents', 'activities', a.id)));
  expect(routes('schedule')).toEqual({ 'POST /calendarEvents/lookup': 1 });
  answers.forEach((events, i) => {
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.activity.id === activities[i]?.id)).toBe(true);
  });
});

test('the attendance of 5 students is one lookup, each row given to its student', async () => {
  const students = [
    ...new Set(first(dataset.groups.values(), 50).flatMap((g) => (g.groupMemberships ?? []).map((m) => m.person.id))),
  ].slice(0, 5);
  const { attendance } = clients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(students.map((s) => attendance.loadBy('attendances', 'students', s)));
  expect(routes('attendance')).toEqual({ 'POST /attendances/lookup': 1 });
  answers.forEach((rows, i) => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.student.id === students[i])).toBe(true);
  });
});

test("students' activities are one lookup with expand=groups, split by the groups' members", async () => {
  const students = [...new Set([...dataset.groups.values()].flatMap((g) => (g.groupMemberships ?? []).map((m) => m.person.id)))].slice(
    0,
    5,
  );
  const { schedule } = clients.forRequest(UNRESTRICTED);
  const answers = await Promise.all(students.map((s) => schedule.loadBy('activities', 'members', s)));
  expect(routes('schedule')).toEqual({ 'POST /activities/lookup': 1 });
  expect(answers.every((activities) => activities.length > 0)).toBe(true);
  // Each student gets the activities of its own groups, nothing else.
  students.forEach((student, i) => {
    const groups = new Set(
      [...dataset.groups.values()].filter((g) => (g.groupMemberships ?? []).some((m) => m.person.id === student)).map((g) => g.id),
    );
    expect(answers[i]!.every((activity) => activity.groups.some((group) => groups.has(group.id)))).toBe(true);
  });
});

test('walking every person page by page asks exactly ceil(n / pageSize) times and sees each person once, in order', async () => {
  const seen: string[] = [];
  for await (const page of clients.forRequest(UNRESTRICTED).register.pages('persons', {}, 500)) seen.push(...page.map((p) => p.id));
  expect(seen).toEqual([...dataset.persons.values()].map((p) => p.id));
  expect(routes('register')).toEqual({ 'GET /persons': Math.ceil(dataset.persons.size / 500) });
});

test('studyplans have no lookup: three loads are three GETs by id', async () => {
  const plans = first(dataset.studyplans.values(), 3);
  const loaded = await clients.forRequest(UNRESTRICTED).grades.loadMany(
    'studyplans',
    plans.map((p) => p.id),
  );
  expect(loaded.map((p) => p?.id)).toEqual(plans.map((p) => p.id));
  expect(routes('grades')).toEqual({ 'GET /studyplans/{id}': 3 });
});

test('a producer that hangs is reported as unavailable, naming it', async () => {
  running.producers.attendance.setFaults({ timeoutRate: 1 });
  const impatient = createSourceClients(configFor({ timeoutMs: 300 }));
  const error = await impatient
    .forRequest(UNRESTRICTED)
    .attendance.list('absences', {})
    .catch((e: unknown) => e);
  await impatient.close();
  expect(error).toMatchObject({ name: 'UpstreamUnavailableError', producer: 'attendance', reason: 'timeout' });
});

test('a producer sending broken bodies is reported as invalid, naming it and the path', async () => {
  running.producers.schedule.setFaults({ malformedRate: 1 });
  const { schedule } = clients.forRequest(UNRESTRICTED);
  const errors = await Promise.all([
    schedule.list('rooms', {}).catch((e: unknown) => e),
    schedule.list('rooms', {}).catch((e: unknown) => e),
  ]);
  // The demo alternates truncated JSON and schema-breaking rows.
  for (const error of errors) expect(error).toMatchObject({ name: 'UpstreamInvalidError', producer: 'schedule', path: 'GET /rooms' });
});
