// PostgreSQL mode (DATABASE_URL): nothing is lost across a restart. A change is recorded while the
// supplier's webhook is down; the gateway stops before delivering it; a new gateway over the same
// database delivers it, signed, catches up on a write made while no gateway ran, and the feed cursor
// the supplier kept still works. Runs in a database of its own (other tests run beside it).
import { generateMunicipality } from '../../src/demo/generator';
import { startProducers, type RunningProducers } from '../../src/demo/producers';
import { DEMO_TUNING } from '../../src/gateway/embedded';
import { startGatewayStack, type GatewayStack, type GatewayStackOptions } from '../../src/gateway/stack';
import { testAudit } from '../support/e2e';
import {
  absenceOf,
  eventually,
  FEED,
  keyOf,
  places,
  producerCall,
  scratchDatabase,
  signedWith,
  startReceiver,
  writeFeedSuppliers,
  type FeedAnswer,
  type HookReceiver,
  type Places,
} from './support';

const database = scratchDatabase('changes_test');
const SECRET = 'restart-webhook-secret-0123456789abcdef';

let producers: RunningProducers;
let hook: HookReceiver;
let at: Places;
let options: GatewayStackOptions;
const stacks: GatewayStack[] = [];

beforeAll(async () => {
  await database.create();
  const dataset = generateMunicipality({ students: 150 });
  at = places(dataset);
  producers = await startProducers({ dataset });
  hook = await startReceiver();
  options = {
    producers: producers.producers,
    tuning: DEMO_TUNING,
    audit: testAudit(),
    requestTimeoutMs: 60_000,
    // The same in both processes of a deployment: cursors issued by one are read by the other.
    aliasSecret: 'restart-test-alias-secret',
    suppliersPath: await writeFeedSuppliers([
      {
        name: 'pg-full',
        units: 'all',
        scopes: ['standard', 'students', 'attendance', 'changes'],
        protectedIdentities: 'alias',
        webhook: { url: hook.url, secretVariable: 'PG_FULL_SECRET' },
      },
    ]),
    changes: {
      databaseUrl: database.url,
      variables: { PG_FULL_SECRET: SECRET },
      // Backoff short enough to retry within the test, long enough that a loaded machine does not run out of attempts first.
      timing: { dispatchEveryMs: 200, tickMs: 100, initialDelayMs: 100, maxDelayMs: 2_000 },
    },
  };
});

afterAll(async () => {
  for (const stack of stacks) await stack.close().catch(() => undefined);
  await producers?.close();
  await hook?.close();
  await database.drop();
});

const feed = async (stack: GatewayStack, since: string | null): Promise<NonNullable<FeedAnswer['changes']>> => {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keyOf('pg-full')}` },
    body: JSON.stringify({ query: FEED, variables: { since, first: 1000 } }),
  });
  const { data, errors } = (await response.json()) as { data: FeedAnswer; errors?: unknown };
  expect(errors).toBeUndefined();
  return data.changes!;
};

const writeAbsence = async (): Promise<string> =>
  (await producerCall(producers.producers.attendance, 'POST', '/absences', absenceOf(at.inside))).body.id as string;

test('a change recorded before a restart is delivered after it, and nothing is lost in between', async () => {
  const first = await startGatewayStack(options);
  stacks.push(first);
  // The supplier's webhook starts at the log's end: wait until it has a place in it.
  await eventually(async () => (await first.changeStore.supplierCursor('pg-full')) !== undefined, 'the supplier’s webhook cursor');
  hook.status = 503;
  const before = await writeAbsence();
  const page = await eventually(async () => {
    const answer = await feed(first, null);
    return answer.edges.some((edge) => edge.node.id === before) && answer;
  }, 'the absence in the feed');
  // Queued, tried and refused: still pending when this gateway stops.
  await eventually(async () => (await first.changeStore.pending('pg-full')) === 1, 'one pending delivery');
  await first.close();
  stacks.pop();
  expect(hook.received).toEqual([]);
  // The refused attempts are on record, with why, and the notification waits for its next attempt.
  const attempts = await database.query<{ attempts: number; last_error: string; delivered_at: Date | null }>(
    'SELECT attempts, last_error, delivered_at FROM webhook_deliveries',
  );
  expect(attempts.length).toBeGreaterThanOrEqual(1);
  for (const attempt of attempts) expect(attempt).toEqual({ attempts: expect.any(Number), last_error: 'answered 503', delivered_at: null });
  expect(Math.min(...attempts.map((attempt) => attempt.attempts))).toBeGreaterThanOrEqual(1);

  // Written while no gateway runs: the next one reads it from its persisted watermark.
  const during = await writeAbsence();
  hook.status = 204;
  const second = await startGatewayStack(options);
  stacks.push(second);
  const delivered = await eventually(() => hook.received[0], 'the delivery after the restart');
  expect(JSON.parse(delivered.body)).toEqual({ modifiedEntites: ['Absence'], modifiedEntities: ['Absence'], deletedEntities: false });
  expect(signedWith(SECRET, delivered)).toBe(true);
  // The cursor kept from the first process resumes in the second, with what happened in between.
  const resumed = await eventually(async () => {
    const answer = await feed(second, page.pageInfo.endCursor);
    return answer.edges.some((edge) => edge.node.id === during) && answer;
  }, 'the absence written between the two processes');
  expect(resumed.edges.map((edge) => edge.node.id)).not.toContain(before);
  await eventually(async () => (await second.changeStore.pending('pg-full')) === 0, 'nothing pending');
});
