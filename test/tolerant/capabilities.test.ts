// Producer capabilities: a producer without POST /X/lookup (references by parallel GET /X/{id},
// within maxConcurrency, de-duplicated), paths it does not offer (UPSTREAM_UNSUPPORTED naming
// producer and path, siblings served), declared in the config or probed at start.
import { createSourceClients, UNRESTRICTED, UpstreamUnsupportedError, type SourceClients, type SourcesConfig } from '../../src/sources';
import { startRealProducer, type RealProducer, type Row } from './support/real-producer';
import { ATTENDANCE, organisations, UNIT_A } from './support/rows';
import { startRealStack, type RealStack } from './support/stack';

const meta = { created: '2025-06-01T08:00:00+02:00', modified: '2025-06-01T08:00:00+02:00' };
const groupId = (n: number): string => `c1000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const GROUPS: Row[] = Array.from({ length: 10 }, (_, n) => ({
  id: groupId(n),
  meta,
  displayName: `Grupp ${n}`,
  groupType: 'Undervisning',
  organisation: { id: UNIT_A },
  startDate: '2025-08-18',
}));
// Four activities naming the ten groups sixteen times.
const ACTIVITIES: Row[] = [
  [0, 1, 2, 3],
  [2, 3, 4, 5],
  [5, 6, 7, 8],
  [8, 9, 0, 1],
].map((members, n) => ({
  id: `f1000000-0000-4000-8000-00000000000${n}`,
  meta,
  displayName: `Kurs ${n}`,
  organisation: { id: UNIT_A },
  groups: members.map((member) => ({ id: groupId(member) })),
  startDate: '2025-08-18',
  calendarEventsRequired: false,
}));
const CONCURRENCY = 3;
const DELAY_MS = 100;

const ACTIVITIES_QUERY = '{ activities(first: 10) { edges { node { id groups { id displayName } } } } }';

describe('a register producer without /lookup, behind the gateway', () => {
  let stack: RealStack;
  let register: RealProducer;
  beforeAll(async () => {
    stack = await startRealStack({
      producers: {
        register: { collections: { '/organisations': organisations, '/groups': GROUPS }, lookup: false, delayMs: DELAY_MS },
        schedule: { collections: { '/activities': ACTIVITIES, '/rooms': [] } },
        attendance: { collections: ATTENDANCE },
      },
      tuning: { maxConcurrency: CONCURRENCY },
    });
    register = stack.producers.register!;
  }, 60_000);
  afterAll(() => stack?.close());

  it('resolves every reference by GET /groups/{id}: one per distinct id, at most maxConcurrency at once', async () => {
    register.reset();
    const started = Date.now();
    const answer = await stack.query<{ activities: { edges: { node: { groups: { id: string; displayName: string }[] } }[] } }>(
      ACTIVITIES_QUERY,
    );
    const elapsed = Date.now() - started;
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.activities.edges[0]?.node.groups).toEqual([0, 1, 2, 3].map((n) => ({ id: groupId(n), displayName: `Grupp ${n}` })));
    expect(answer.data?.activities.edges.flatMap((edge) => edge.node.groups)).toHaveLength(16);
    // The lookup is asked once, answers 404, and is not asked again; 10 distinct ids → 10 GETs in ⌈10 / 3⌉ = 4 rounds.
    expect(register.count('POST /groups/lookup')).toBe(1);
    expect(register.count('GET /groups/{id}')).toBe(GROUPS.length);
    expect(register.maxInFlight()).toBe(CONCURRENCY);
    expect(register.rounds('GET /groups/{id}', DELAY_MS / 2)).toBe(Math.ceil(GROUPS.length / CONCURRENCY));
    expect(elapsed).toBeGreaterThanOrEqual(Math.ceil(GROUPS.length / CONCURRENCY) * DELAY_MS);
  });

  it('remembers that the lookup is not there', async () => {
    register.reset();
    const answer = await stack.query(ACTIVITIES_QUERY);
    expect(answer.errors).toBeUndefined();
    expect(register.count('POST /groups/lookup')).toBe(0);
    expect(register.count('GET /groups/{id}')).toBe(GROUPS.length);
  });

  it('answers a path the producer does not offer with UPSTREAM_UNSUPPORTED, the siblings served', async () => {
    const answer = await stack.query('{ persons(first: 1) { edges { node { id } } } groups(first: 1) { edges { node { id } } } }');
    expect(answer.data).toEqual({ persons: null, groups: { edges: [{ node: { id: groupId(0) } }] } });
    expect(answer.errors).toEqual([
      {
        message: 'The register producer does not offer GET /persons.',
        path: ['persons'],
        extensions: { code: 'UPSTREAM_UNSUPPORTED', producer: 'register', path: 'GET /persons' },
      },
    ]);
  });
});

describe('capabilities declared in the config', () => {
  let producer: RealProducer;
  let clients: SourceClients;
  const start = async (settings: Partial<SourcesConfig['register']>, options: { lookup?: boolean } = {}) => {
    producer = await startRealProducer({ collections: { '/organisations': organisations, '/groups': GROUPS }, ...options });
    clients = createSourceClients({
      register: {
        baseUrl: producer.url,
        auth: { kind: 'bearer', token: producer.token },
        timeoutMs: 5_000,
        maxBatchSize: 100,
        pageSize: 100,
        maxConcurrency: 4,
        ...settings,
      },
    });
  };
  afterEach(async () => {
    await clients?.close();
    await producer?.close();
  });

  it('lookup: false never asks /lookup, and de-duplicates the ids', async () => {
    await start({ capabilities: { lookup: false } });
    const ids = [0, 1, 1, 2, 0, 3].map(groupId);
    const rows = await clients.forRequest(UNRESTRICTED).register.loadMany('groups', ids);
    expect(rows.map((row) => row?.displayName)).toEqual(['Grupp 0', 'Grupp 1', 'Grupp 1', 'Grupp 2', 'Grupp 0', 'Grupp 3']);
    expect(producer.count('POST /groups/lookup')).toBe(0);
    expect(producer.count('GET /groups/{id}')).toBe(4);
  });

  it('paths: a path left out is UpstreamUnsupportedError without a request', async () => {
    await start({ capabilities: { paths: ['/organisations', '/groups'] } });
    const register = clients.forRequest(UNRESTRICTED).register;
    await expect(register.list('persons', {})).rejects.toEqual(new UpstreamUnsupportedError('register', 'GET /persons', 'not declared'));
    await expect(register.load('persons', 'x')).rejects.toBeInstanceOf(UpstreamUnsupportedError);
    expect(producer.total()).toBe(0);
    expect((await register.list('groups', {})).data).toHaveLength(GROUPS.length);
  });

  it('probe: true asks every path and lookup once at start, and later calls know the answers', async () => {
    await start({ capabilities: { probe: true } }, { lookup: false });
    // The probe runs in the background from createSourceClients; wait for it to have asked everything.
    const paths = ['/organisations', '/persons', '/placements', '/duties', '/groups', '/programmes', '/syllabuses', '/schoolUnitOfferings'];
    for (let waited = 0; producer.total() < paths.length + 2 && waited < 5_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const path of paths) expect([path, producer.count(`GET ${path}`)]).toEqual([path, 1]);
    // Only the paths that answered are asked for their lookup.
    expect(producer.count('POST /organisations/lookup')).toBe(1);
    expect(producer.count('POST /groups/lookup')).toBe(1);
    expect(producer.count('POST /persons/lookup')).toBe(0);
    producer.reset();
    const register = clients.forRequest(UNRESTRICTED).register;
    await expect(register.list('persons', {})).rejects.toEqual(new UpstreamUnsupportedError('register', 'GET /persons', 'absent'));
    expect((await register.load('groups', groupId(4)))?.displayName).toBe('Grupp 4');
    expect(producer.count('POST /groups/lookup')).toBe(0);
    expect(producer.count('GET /groups/{id}')).toBe(1);
    expect(producer.count('GET /persons')).toBe(0);
  });
});

describe('any subset of producers', () => {
  it('a municipality with only a register producer starts; the other producers’ fields say UPSTREAM_UNSUPPORTED', async () => {
    const stack = await startRealStack({
      producers: { register: { collections: { '/organisations': organisations, '/groups': GROUPS } } },
    });
    try {
      const answer = await stack.query(`{
        groups(first: 1) { edges { node { id displayName } } }
        rooms(first: 1) { edges { node { id } } }
        absences(first: 1) { edges { node { id } } }
        group(id: "${groupId(0)}") { displayName activities { id } }
      }`);
      expect(answer.data).toEqual({
        groups: { edges: [{ node: { id: groupId(0), displayName: 'Grupp 0' } }] },
        rooms: null,
        absences: null,
        group: { displayName: 'Grupp 0', activities: null },
      });
      expect(
        answer.errors?.map((error) => [error.path?.join('.'), error.extensions?.['code'], error.extensions?.['producer']]).sort(),
      ).toEqual([
        ['absences', 'UPSTREAM_UNSUPPORTED', 'attendance'],
        ['group.activities', 'UPSTREAM_UNSUPPORTED', 'schedule'],
        ['rooms', 'UPSTREAM_UNSUPPORTED', 'schedule'],
      ]);
    } finally {
      await stack.close();
    }
  }, 60_000);
});
