// list() and pages(): one page, or every page in turn; after the first page only limit and
// pageToken are sent, as the spec demands.
import { createSourceClients, UNRESTRICTED, type SourceClients } from '../../src/sources';
import { sourcesConfig } from './support/config';
import { datasetAnswers } from './support/dataset-producer';
import { startFakeProducer, type FakeProducer } from './support/fake-producer';
import { municipality } from './support/municipality';

let producer: FakeProducer;
let clients: SourceClients;

beforeEach(async () => {
  producer = await startFakeProducer(datasetAnswers(municipality()));
  clients = createSourceClients(sourcesConfig(producer.url, { pageSize: 40 }));
});

afterEach(async () => {
  await clients.close();
  await producer.close();
});

test('list sends the filters as the spec names them, arrays as repeated keys, and the configured page size', async () => {
  const { register } = clients.forRequest(UNRESTRICTED);
  const page = await register.list('groups', {
    'meta.modified.after': '2026-01-01T00:00:00Z',
    schoolTypes: ['GR', 'GY'],
    expandReferenceNames: true,
    organisation: undefined,
  });
  const query = producer.received[0]?.query;
  expect(query?.get('meta.modified.after')).toBe('2026-01-01T00:00:00Z');
  expect(query?.getAll('schoolTypes')).toEqual(['GR', 'GY']);
  expect(query?.get('expandReferenceNames')).toBe('true');
  expect(query?.has('organisation')).toBe(false);
  expect(query?.get('limit')).toBe('40');
  // This fake producer answers the first 40 groups whatever the filters say: the ones that break
  // them are dropped by the sources (filter-checks.ts), the rest come through as sent.
  expect(page.data.length).toBeGreaterThan(30);
  expect(page.data.length).toBeLessThanOrEqual(40);
  for (const group of page.data) {
    expect(['GR', 'GY']).toContain(group.schoolType);
    expect(Date.parse(group.meta.modified) > Date.parse('2026-01-01T00:00:00Z')).toBe(true);
  }
  expect(page.pageToken).toBe('40');
});

test('with a pageToken only limit and pageToken are sent, whatever the query says', async () => {
  const { register } = clients.forRequest(UNRESTRICTED);
  const page = await register.list(
    'persons',
    { nameContains: 'an', 'meta.created.after': '2020-01-01T00:00:00Z' },
    { limit: 25, pageToken: '50' },
  );
  expect([...(producer.received[0]?.query.entries() ?? [])]).toEqual([
    ['limit', '25'],
    ['pageToken', '50'],
  ]);
  expect(page.data.map((p) => p.id)).toEqual([...municipality().persons.values()].slice(50, 75).map((p) => p.id));
});

test('pages walks every page in order and stops at pageToken null', async () => {
  const { register } = clients.forRequest(UNRESTRICTED);
  const seen: string[] = [];
  let pages = 0;
  for await (const rows of register.pages('persons', {}, 100)) {
    pages += 1;
    seen.push(...rows.map((p) => p.id));
  }
  const all = [...municipality().persons.values()].map((p) => p.id);
  expect(seen).toEqual(all);
  expect(pages).toBe(Math.ceil(all.length / 100));
  expect(producer.received.slice(1).every((r) => [...r.query.keys()].sort().join() === 'limit,pageToken')).toBe(true);
});

test('a producer that hands back the same pageToken forever is stopped', async () => {
  const looping = await startFakeProducer(() => ({ json: { data: [], pageToken: 'again' } }));
  const looped = createSourceClients(sourcesConfig(looping.url));
  const walk = async () => {
    for await (const rows of looped.forRequest(UNRESTRICTED).schedule.pages('rooms', {})) void rows;
  };
  await expect(walk()).rejects.toMatchObject({ name: 'UpstreamInvalidError', violation: 'pageToken repeats the previous one' });
  expect(looping.received).toHaveLength(2);
  await looped.close();
  await looping.close();
});

test('limit and pageToken belong in the options, not in the query', async () => {
  const { register } = clients.forRequest(UNRESTRICTED);
  await expect(register.list('persons', { limit: 5 })).rejects.toThrow(/list options/);
  await expect(register.list('persons', {}, { limit: 0 })).rejects.toThrow(/positive integer/);
  expect(producer.received).toHaveLength(0);
});
