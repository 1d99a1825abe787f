// load()/loadMany(): by-id reads of one GraphQL request are batched into POST /X/lookup calls,
// de-duplicated, answered in key order, with null for ids the producer does not know.
import { randomUUID } from 'node:crypto';
import { createSourceClients, UNRESTRICTED, type SourceClients } from '../../src/sources';
import { sourcesConfig } from './support/config';
import { datasetAnswers } from './support/dataset-producer';
import { startFakeProducer, type FakeProducer } from './support/fake-producer';
import { idsOf, municipality } from './support/municipality';

let producer: FakeProducer;
let clients: SourceClients;

beforeEach(async () => {
  producer = await startFakeProducer(datasetAnswers(municipality()));
  clients = createSourceClients(sourcesConfig(producer.url, { maxBatchSize: 10 }));
});

afterEach(async () => {
  await clients.close();
  await producer.close();
});

const lookups = () => producer.received.filter((r) => r.method === 'POST' && r.path.endsWith('/lookup'));

test('N loads in one tick become ceil(N / maxBatchSize) lookups, answered in key order', async () => {
  const ids = idsOf(municipality().persons, 25);
  const { register } = clients.forRequest(UNRESTRICTED);
  const persons = await Promise.all(ids.map((id) => register.load('persons', id)));
  expect(persons.map((p) => p?.id)).toEqual(ids);
  expect(lookups().map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([10, 10, 5]);
  expect(lookups().every((r) => r.path === '/persons/lookup')).toBe(true);
});

test('the same id asked for twice in a request is fetched once', async () => {
  const [a, b] = idsOf(municipality().groups, 2) as [string, string];
  const { register } = clients.forRequest(UNRESTRICTED);
  const groups = await register.loadMany('groups', [a, b, a, b, a]);
  expect(groups.map((g) => g?.id)).toEqual([a, b, a, b, a]);
  await register.load('groups', b);
  expect(lookups()).toHaveLength(1);
  expect((lookups()[0]?.body as { ids: string[] }).ids).toEqual([a, b]);
});

test('an id the producer does not know loads as null, without failing its batch', async () => {
  const [known] = idsOf(municipality().organisations, 1) as [string];
  const unknown = randomUUID();
  const { register } = clients.forRequest(UNRESTRICTED);
  const [found, missing] = await register.loadMany('organisations', [known, unknown]);
  expect(found?.id).toBe(known);
  expect(missing).toBeNull();
});

test('each GraphQL request gets its own loaders: nothing is cached across requests', async () => {
  const [id] = idsOf(municipality().persons, 1) as [string];
  await clients.forRequest(UNRESTRICTED).register.load('persons', id);
  await clients.forRequest(UNRESTRICTED).register.load('persons', id);
  expect(lookups()).toHaveLength(2);
});

test('each expand set has its own loader and is sent as repeated expand parameters', async () => {
  const [id] = idsOf(municipality().persons, 1) as [string];
  const { register } = clients.forRequest(UNRESTRICTED);
  await Promise.all([
    register.load('persons', id),
    register.load('persons', id, { expand: ['groupMemberships', 'duties'] }),
    register.load('persons', id, { expand: ['duties', 'groupMemberships'] }),
  ]);
  expect(lookups().map((r) => r.query.getAll('expand'))).toEqual([[], ['duties', 'groupMemberships']]);
});

test('studyplans have no lookup: loads become parallel GET /studyplans/{id}, 404 → null', async () => {
  const ids = idsOf(municipality().studyplans, 3);
  const unknown = randomUUID();
  const { grades } = clients.forRequest(UNRESTRICTED);
  const plans = await grades.loadMany('studyplans', [...ids, unknown]);
  expect(plans.map((p) => p?.id ?? null)).toEqual([...ids, null]);
  expect(producer.received.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
    [...ids, unknown].map((id) => `GET /studyplans/${id}`).sort(),
  );
});

test('every request goes to the producer that owns the path, under its base URL path', async () => {
  const answer = datasetAnswers(municipality());
  const schedule = await startFakeProducer((r) => answer({ ...r, path: r.path.replace(/^\/ss12000\/v2/, '') }));
  const routed = createSourceClients(sourcesConfig(producer.url, {}, { schedule: { baseUrl: `${schedule.url}/ss12000/v2/` } }));
  const [activity] = idsOf(municipality().activities, 1) as [string];
  const found = await routed.forRequest(UNRESTRICTED).schedule.load('activities', activity);
  await routed.close();
  await schedule.close();
  expect(found?.id).toBe(activity);
  expect(schedule.received.map((r) => r.path)).toEqual(['/ss12000/v2/activities/lookup']);
  expect(producer.received).toHaveLength(0);
});
