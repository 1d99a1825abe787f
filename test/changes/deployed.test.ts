// The change feed in the deployed shape: the changes process (subgraph-main.js changes, here
// startDeployedChanges from a config file loaded for it) over PostgreSQL, behind the deployed gateway.
// It subscribes to the demo producers at its public URL, a write at the attendance producer reaches the
// supplier's feed through the gateway and its webhook, signed; the process refuses unsigned callers and
// unverified notifications, and does not start without DATABASE_URL. Own database, dropped after.
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load-config';
import { startDeployedChanges, DATABASE_URL_REQUIRED } from '../../src/gateway/deployed-changes';
import { startDeployedGateway } from '../../src/gateway/deployed';
import type { RunningServer } from '../../src/gateway/subgraph-server';
import { PRODUCERS } from '../../src/ss12000/resources';
import { startE2E, testAudit, type E2E } from '../support/e2e';
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

const database = scratchDatabase('changes_dep');
const DATABASE_URL = database.url;
const WEBHOOK_SECRET = 'deployed-webhook-secret-0123456789abcdef';
const NOTIFICATION_TOKEN = randomBytes(24).toString('base64url');

/** A loopback port nothing listens on: the changes process's public URL must be known before it starts. */
const freePort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

let stack: E2E;
let at: Places;
let hook: HookReceiver;
let changesPort: number;
let file: string;
let suppliersPath: string;
let variables: Record<string, string>;
const running: RunningServer[] = [];

beforeAll(async () => {
  await database.create();
  stack = await startE2E({ students: 150 });
  at = places(stack.dataset);
  hook = await startReceiver();
  changesPort = await freePort();
  suppliersPath = await writeFeedSuppliers([
    {
      name: 'dep-full',
      units: 'all',
      scopes: ['standard', 'students', 'attendance', 'changes'],
      protectedIdentities: 'alias',
      webhook: { url: hook.url, secretVariable: 'DEP_FULL_SECRET' },
    },
    { name: 'dep-unit', units: [at.unit.code], scopes: ['standard', 'students', 'attendance', 'changes'], protectedIdentities: 'exclude' },
  ]);
  // Every secret by `${NAME}`, as an operator writes the file.
  variables = {
    ...Object.fromEntries(PRODUCERS.map((name) => [`${name.toUpperCase()}_TOKEN`, stack.producers[name].token])),
    ATTENDANCE_NOTIFICATION_TOKEN: NOTIFICATION_TOKEN,
    DEP_FULL_SECRET: WEBHOOK_SECRET,
  };
  file = path.join(await mkdtemp(path.join(tmpdir(), 'deployed-changes-')), 'gateway.yaml');
  await writeFile(
    file,
    stringify({
      gateway: { host: '127.0.0.1', port: 0, requestTimeoutMs: 60_000 },
      subgraphs: {
        ...Object.fromEntries(PRODUCERS.map((name) => [name, { url: stack.subgraphUrls[name] }])),
        changes: {
          url: `http://127.0.0.1:${changesPort}/graphql`,
          listen: { host: '127.0.0.1' },
          publicUrl: `http://127.0.0.1:${changesPort}`,
          // Attendance notifies; the other three are polled.
          notifications: { attendance: { token: '${ATTENDANCE_NOTIFICATION_TOKEN}' } },
        },
      },
      producers: Object.fromEntries(
        PRODUCERS.map((name) => [
          name,
          { baseUrl: stack.producers[name].url, auth: { kind: 'bearer', token: `\${${name.toUpperCase()}_TOKEN}` } },
        ]),
      ),
    }),
  );
});

afterAll(async () => {
  for (const server of running.reverse()) await server.close().catch(() => undefined);
  await stack?.close();
  await hook?.close();
  await database.drop();
});

const startChanges = async (databaseUrl: string | undefined): Promise<RunningServer> =>
  startDeployedChanges(await loadConfig(file, variables, 'changes'), {
    callerSecret: stack.callerSecret,
    aliasSecret: 'deployed-changes-alias-secret',
    databaseUrl,
    suppliersPath,
    variables,
    timing: { dispatchEveryMs: 200, tickMs: 100, initialDelayMs: 100, maxDelayMs: 300 },
  });

const feedThrough = async (gatewayUrl: string, supplier: string): Promise<{ status: number; data?: FeedAnswer; errors?: unknown }> => {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keyOf(supplier)}` },
    body: JSON.stringify({ query: FEED, variables: { first: 1000 } }),
  });
  return { status: response.status, ...((await response.json()) as { data?: FeedAnswer; errors?: unknown }) };
};

test('without DATABASE_URL the changes process does not start, and says why', async () => {
  await expect(startChanges(undefined)).rejects.toThrow(DATABASE_URL_REQUIRED);
  expect(DATABASE_URL_REQUIRED).toContain('DATABASE_URL');
  // Nothing was left listening on its port.
  await expect(fetch(`http://127.0.0.1:${changesPort}/healthz`)).rejects.toThrow();
});

test('a write at the attendance producer reaches the supplier’s feed through the deployed gateway, and its webhook', async () => {
  const changes = await startChanges(DATABASE_URL);
  running.push(changes);
  expect(changes.url).toBe(`http://127.0.0.1:${changesPort}/graphql`);
  // Subscribed at its public URL, the token in the target; the other producers are polled.
  const subscriptions = await database.query('SELECT producer, target FROM producer_subscriptions');
  expect(subscriptions).toEqual([
    { producer: 'attendance', target: `http://127.0.0.1:${changesPort}/ss12000/notifications/attendance?token=${NOTIFICATION_TOKEN}` },
  ]);

  const gateway = await startDeployedGateway(await loadConfig(file, { REGISTER_TOKEN: variables['REGISTER_TOKEN']! }, 'gateway'), {
    suppliersPath,
    callerSecret: stack.callerSecret,
    audit: testAudit(),
  });
  running.push(gateway);
  await eventually(
    async () => (await database.query("SELECT 1 FROM supplier_cursors WHERE supplier = 'dep-full'")).length === 1,
    'the supplier’s webhook cursor',
  );

  const inside = (await producerCall(stack.producers.attendance, 'POST', '/absences', absenceOf(at.inside))).body.id as string;
  const outside = (await producerCall(stack.producers.attendance, 'POST', '/absences', absenceOf(at.outside))).body.id as string;
  const full = await eventually(async () => {
    const answer = await feedThrough(gateway.url, 'dep-full');
    expect(answer.errors).toBeUndefined();
    const ids = answer.data!.changes!.edges.map((edge) => edge.node.id);
    return ids.includes(inside) && ids.includes(outside) && answer.data!.changes!;
  }, 'both absences in the feed');
  expect(full.edges.find((edge) => edge.node.id === inside)!.node).toEqual({
    type: 'ABSENCE',
    id: inside,
    change: 'MODIFIED',
    at: expect.any(String),
  });

  // The unit-scoped supplier is told of its unit's absence only.
  const unit = await feedThrough(gateway.url, 'dep-unit');
  const unitIds = unit.data!.changes!.edges.map((edge) => edge.node.id);
  expect(unitIds).toContain(inside);
  expect(unitIds).not.toContain(outside);

  // The supplier's webhook, signed with its secret, in the SS 12000 callback body.
  const delivered = await eventually(
    () => hook.received.find((received) => JSON.parse(received.body).modifiedEntites?.includes('Absence')),
    'the webhook',
  );
  expect(signedWith(WEBHOOK_SECRET, delivered)).toBe(true);
});

test('the changes process refuses an unsigned caller, and a notification without the producer’s token', async () => {
  const base = `http://127.0.0.1:${changesPort}`;
  const unsigned = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ changes(first: 10) { edges { node { id } } } }' }),
  });
  expect(unsigned.status).toBe(401);
  expect(((await unsigned.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  // A supplier's key is no signed caller either: only the gateway reaches the subgraph.
  const withKey = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keyOf('dep-full')}` },
    body: JSON.stringify({ query: '{ changes(first: 10) { edges { node { id } } } }' }),
  });
  expect(withKey.status).toBe(401);

  const notification = JSON.stringify({ modifiedEntites: ['Absence'], deletedEntities: false });
  for (const target of [
    '/ss12000/notifications/attendance?token=wrong',
    '/ss12000/notifications/attendance',
    `/ss12000/notifications/register?token=${NOTIFICATION_TOKEN}`,
  ]) {
    const refused = await fetch(`${base}${target}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: notification,
    });
    expect({ target, status: refused.status }).toEqual({ target, status: 401 });
  }
  const accepted = await fetch(`${base}/ss12000/notifications/attendance?token=${NOTIFICATION_TOKEN}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: notification,
  });
  expect(accepted.status).toBe(200);
});
