// Two replicas, one Redis (issue 13): replica A and replica B are two gateway stacks (gateway and four
// subgraphs each, as two deployments of the processes would be) over the SAME demo producers, with the
// same ALIAS_SECRET and REDIS_URL. A summary computed on A is paged on B from the snapshot A kept in Redis,
// with no producer asked again; its cursor is refused to another supplier, and to a replica configured with
// another secret. An APQ registration made through A runs by hash through B, for that supplier only.
// Replica C reaches the same Redis through a proxy the test cuts: a Redis outage recomputes, never fails.
// All three share CALLER_SIGNING_SECRET, as one deployment's replicas do: a signed subgraph request captured
// on its way to one replica is refused by every other (the ledger of accepted signatures is in Redis).
// Needs a Redis at REDIS_URL (default redis://127.0.0.1:6379); every key of this run is under its own prefix.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { generateMunicipality } from '../../src/demo/generator';
import { signedSubgraphRequest } from '../../src/auth';
import { logger } from '../../src/config/logger';
import { bearer, callerWith, codes, FULL_SCOPES, post, postRaw, type Response } from '../auth-e2e/support';
import { SUMMARY, type SummaryData } from '../graph/absence-summary/query';
import { DEMO_KEYS, startE2E, startReplica, type E2E } from '../support/e2e';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
const KEY_PREFIX = `test-replicas:${process.pid}:${Date.now()}`;
const ALIAS_SECRET = 'replicas-test: the alias secret every replica is configured with';
// The demo term, per group: rows of at least five students (demo-analytics' minimum group size).
const TERM = { from: '2026-08-17', to: '2026-12-18', groupBy: 'GROUP' };
const PAGE = 4;

const dataset = generateMunicipality({ students: 150 });
let a: E2E;
let b: E2E;
let c: E2E;
let proxy: TcpProxy;

beforeAll(async () => {
  const sharedState = { redisUrl: REDIS_URL, keyPrefix: KEY_PREFIX };
  a = await startE2E({ dataset, aliasSecret: ALIAS_SECRET, sharedState, apiKey: DEMO_KEYS.analytics, tuning: { timeoutMs: 30_000 } });
  b = await startReplica(a, {
    aliasSecret: ALIAS_SECRET,
    callerSecret: a.callerSecret,
    sharedState,
    apiKey: DEMO_KEYS.analytics,
    tuning: { timeoutMs: 30_000 },
  });
  const redis = new URL(REDIS_URL);
  proxy = await startTcpProxy(redis.hostname, Number(redis.port || 6379));
  c = await startReplica(a, {
    aliasSecret: ALIAS_SECRET,
    callerSecret: a.callerSecret,
    sharedState: { redisUrl: `redis://${proxy.address}`, keyPrefix: KEY_PREFIX },
    apiKey: DEMO_KEYS.analytics,
    tuning: { timeoutMs: 30_000 },
  });
});

afterAll(async () => {
  for (const stack of [c, b, a]) await stack?.close();
  await proxy?.cut();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${KEY_PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

type Connection = SummaryData['absenceSummary'];

const summaryOn = async (stack: E2E, variables: Record<string, unknown>, apiKey: string = DEMO_KEYS.analytics): Promise<Connection> => {
  const { data, errors } = await stack.query<SummaryData>(SUMMARY, { ...TERM, ...variables }, { apiKey });
  expect(errors).toBeUndefined();
  return data!.absenceSummary;
};

/** Requests the shared producers have had, from any replica. */
const producerReads = (): Record<string, number> =>
  Object.fromEntries(Object.entries(a.producers).map(([name, producer]) => [name, producer.stats().total]));

/** Everything of a page but its cursors (they name the snapshot they come from). */
const content = (page: Connection) => ({
  rows: page.edges.map((edge) => edge.node),
  totalCount: page.totalCount,
  total: page.total,
  suppressed: page.suppressed,
});

let whole: Connection;
beforeAll(async () => {
  whole = await summaryOn(a, { first: 1000 });
  expect(whole.totalCount).toBeGreaterThan(3 * PAGE);
});

test('replica B serves page 2 of the summary replica A computed, from the snapshot in Redis: no producer is asked again', async () => {
  const beforeFirst = producerReads();
  const page1 = await summaryOn(a, { first: PAGE });
  expect(producerReads()['attendance']).toBeGreaterThan(beforeFirst['attendance']!);
  expect(page1.pageInfo.hasNextPage).toBe(true);

  const beforeB = producerReads();
  const page2 = await summaryOn(b, { first: PAGE, after: page1.pageInfo.endCursor });
  expect(producerReads()).toEqual(beforeB);
  expect(content(page2)).toEqual({ ...content(whole), rows: whole.edges.slice(PAGE, 2 * PAGE).map((edge) => edge.node) });

  // And back: A reads on from B's cursor, still from the snapshot.
  const page3 = await summaryOn(a, { first: PAGE, after: page2.pageInfo.endCursor });
  expect(producerReads()).toEqual(beforeB);
  expect(page3.edges.map((edge) => edge.node)).toEqual(whole.edges.slice(2 * PAGE, 3 * PAGE).map((edge) => edge.node));
});

describe("A's cursor is useless elsewhere", () => {
  let cursor: string;
  beforeAll(async () => {
    cursor = (await summaryOn(a, { first: PAGE })).pageInfo.endCursor!;
  });

  const expectRefused = async (stack: E2E, apiKey: string): Promise<void> => {
    const before = producerReads();
    const { data, errors } = await stack.query<SummaryData>(SUMMARY, { ...TERM, first: PAGE, after: cursor }, { apiKey });
    expect(data?.absenceSummary ?? null).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after' }) }),
    ]);
    expect(producerReads()).toEqual(before);
  };

  test('another supplier presenting it, on either replica, is refused before anything is read', async () => {
    await expectRefused(b, DEMO_KEYS.full);
    await expectRefused(a, DEMO_KEYS.full);
  });

  test('a replica configured with another secret does not open it, though it reads the same Redis', async () => {
    const stranger = await startReplica(a, {
      aliasSecret: 'another deployment, another alias secret',
      sharedState: { redisUrl: REDIS_URL, keyPrefix: KEY_PREFIX },
    });
    try {
      await expectRefused(stranger, DEMO_KEYS.analytics);
    } finally {
      await stranger.close();
    }
  });
});

describe('automatic persisted queries across replicas', () => {
  const query = '{ persons(first: 2) { edges { node { id } } } }';
  const hash = createHash('sha256').update(query).digest('hex');
  const byHash = (withText: boolean) => ({
    ...(withText ? { query } : {}),
    extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
  });
  const as = (stack: E2E, key: string, withText = false): Promise<Response> => post(stack.gatewayUrl, byHash(withText), bearer(key));

  test('registered through A, it runs by hash through B for the same supplier, and is unknown to another', async () => {
    const registered = await as(a, DEMO_KEYS.full, true);
    expect(registered.errors).toBeUndefined();
    const onB = await as(b, DEMO_KEYS.full);
    expect(onB.errors).toBeUndefined();
    expect(onB.data).toEqual(registered.data);
    const other = await as(b, DEMO_KEYS.lms);
    expect(codes(other)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(other.data).toBeUndefined();
  });

  test('in Redis the entry is under the supplier that registered it', async () => {
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.keys(`${KEY_PREFIX}:apq:*:${hash}`)).toEqual([`${KEY_PREFIX}:apq:demo-full:${hash}`]);
    } finally {
      redis.disconnect();
    }
  });
});

/** A request to the register subgraph as the gateway signs it, captured on the wire (signed with the replicas' shared secret). */
const captured = () =>
  signedSubgraphRequest(
    callerWith(FULL_SCOPES, { supplier: 'demo-full' }),
    { query: '{ persons(first: 2) { edges { node { id } } } }' },
    'register',
    a.callerSecret,
  );

/** What a replica's register subgraph answers to the captured pair, and the reason it logged when it refused. */
const presentTo = async (stack: E2E, pair: ReturnType<typeof captured>): Promise<{ status: number; reason?: string }> => {
  const warn = jest.spyOn(logger, 'warn');
  try {
    const response = await postRaw(stack.subgraphUrls.register, pair.body, pair.headers);
    if (response.status === 200) expect(response.data).toEqual({ persons: { edges: [expect.anything(), expect.anything()] } });
    const reason = (warn.mock.calls.at(-1)?.[0] as { reason?: string } | undefined)?.reason;
    return { status: response.status, ...(response.status === 200 ? {} : { reason }) };
  } finally {
    warn.mockRestore();
  }
};

describe('a signed subgraph request captured on its way to one replica', () => {
  test('is served once, by the replica it was meant for, and refused as replayed by every replica after', async () => {
    const pair = captured();
    expect(await presentTo(a, pair)).toEqual({ status: 200 });
    expect(await presentTo(b, pair)).toEqual({ status: 401, reason: 'replayed' });
    expect(await presentTo(c, pair)).toEqual({ status: 401, reason: 'replayed' });
    expect(await presentTo(a, pair)).toEqual({ status: 401, reason: 'replayed' });
  });

  test('first presented to another replica, it is that replica that serves it, and the intended one refuses it', async () => {
    const pair = captured();
    expect(await presentTo(b, pair)).toEqual({ status: 200 });
    expect(await presentTo(a, pair)).toEqual({ status: 401, reason: 'replayed' });
  });
});

describe('Redis goes away under replica C', () => {
  let page1: Connection;
  beforeAll(async () => {
    page1 = await summaryOn(c, { first: PAGE, filter: { schoolTypes: ['GR'] } });
  });
  const variables = () => ({ first: PAGE, filter: { schoolTypes: ['GR'] }, after: page1.pageInfo.endCursor });

  test('while it answers, C kept its snapshot in Redis: B pages on from it without recomputing', async () => {
    const before = producerReads();
    await summaryOn(b, variables());
    expect(producerReads()).toEqual(before);
  });

  test('once it is gone, C recomputes the page (the same rows), and APQ falls back to the query text', async () => {
    await proxy.cut();
    const before = producerReads();
    const page2 = await summaryOn(c, variables());
    expect(producerReads()['attendance']).toBeGreaterThan(before['attendance']!);
    const own = await summaryOn(a, { first: 2 * PAGE, filter: { schoolTypes: ['GR'] } });
    expect(page2.edges.map((edge) => edge.node)).toEqual(own.edges.slice(PAGE, 2 * PAGE).map((edge) => edge.node));

    const query = '{ persons(first: 1) { edges { node { id } } } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    expect(codes(await post(c.gatewayUrl, { extensions }, bearer(DEMO_KEYS.full)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const withText = await post(c.gatewayUrl, { query, extensions }, bearer(DEMO_KEYS.full));
    expect(withText.errors).toBeUndefined();
    expect(withText.data).toEqual({ persons: { edges: [expect.objectContaining({ node: { id: expect.any(String) } })] } });
  });

  test('without Redis, C still refuses a replay of what C itself accepted (its own ledger)', async () => {
    const pair = captured();
    expect(await presentTo(c, pair)).toEqual({ status: 200 });
    expect(await presentTo(c, pair)).toEqual({ status: 401, reason: 'replayed' });
  });
});
