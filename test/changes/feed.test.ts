// The change feed over real HTTP: a write at the demo attendance producer → the producer's webhook to
// the gateway → catch-up → each supplier's feed, filtered by its units, grants and protected-identity
// rule → its own signed webhook.
import { createHmac } from 'node:crypto';
import { startE2E, type E2E } from '../support/e2e';
import {
  absenceOf,
  eventually,
  FEED,
  keyOf,
  places,
  producerCall,
  signedWith,
  startReceiver,
  writeFeedSuppliers,
  type FeedAnswer,
  type FeedNode,
  type FeedSupplier,
  type HookReceiver,
  type Places,
} from './support';

const FULL_SECRET = 'full-webhook-secret-0123456789abcdef';
const UNIT_SECRET = 'unit-webhook-secret-0123456789abcdef';
const TOKEN = 'attendance-notification-token';
const GRADES_HMAC = 'grades-notification-secret';

let stack: E2E;
let at: Places;
let fullHook: HookReceiver;
let unitHook: HookReceiver;

// The unit supplier is listed first: the dispatcher decides for it before the full one in every run.
const suppliers = (full: string, unit: string, code: string): FeedSupplier[] => [
  {
    name: 'feed-unit',
    units: [code],
    scopes: ['standard', 'students', 'attendance', 'changes'],
    protectedIdentities: 'alias',
    webhook: { url: unit, secretVariable: 'FEED_UNIT_SECRET' },
  },
  {
    name: 'feed-full',
    units: 'all',
    scopes: ['standard', 'students', 'attendance', 'changes'],
    protectedIdentities: 'alias',
    webhook: { url: full, secretVariable: 'FEED_FULL_SECRET' },
  },
  { name: 'feed-exclude', units: 'all', scopes: ['standard', 'students', 'attendance', 'changes'], protectedIdentities: 'exclude' },
  { name: 'feed-no-attendance', units: 'all', scopes: ['standard', 'students', 'changes'], protectedIdentities: 'alias' },
  { name: 'feed-not-granted', units: 'all', scopes: ['standard', 'students', 'attendance'], protectedIdentities: 'alias' },
];

beforeAll(async () => {
  fullHook = await startReceiver();
  unitHook = await startReceiver();
  const { generateMunicipality } = await import('../../src/demo/generator');
  const dataset = generateMunicipality({ students: 200 });
  at = places(dataset);
  stack = await startE2E({
    dataset,
    suppliersPath: await writeFeedSuppliers(suppliers(fullHook.url, unitHook.url, at.unit.code)),
    changes: {
      notificationAuth: {
        register: { kind: 'token', token: TOKEN },
        schedule: { kind: 'token', token: TOKEN },
        attendance: { kind: 'token', token: TOKEN },
        grades: { kind: 'hmac', secret: GRADES_HMAC },
      },
      variables: { FEED_FULL_SECRET: FULL_SECRET, FEED_UNIT_SECRET: UNIT_SECRET },
      timing: { dispatchEveryMs: 200, tickMs: 100, initialDelayMs: 100, maxDelayMs: 1_000 },
    },
  });
});

afterAll(async () => {
  await stack?.close();
  await fullHook?.close();
  await unitHook?.close();
});

/** Every entry of the supplier's feed from the start. */
async function feedOf(supplier: string, types?: string[]): Promise<FeedNode[]> {
  const nodes: FeedNode[] = [];
  let since: string | null = null;
  for (;;) {
    const { data, errors }: { data?: FeedAnswer | null; errors?: unknown } = await stack.query<FeedAnswer>(
      FEED,
      { since, types, first: 100 },
      { apiKey: keyOf(supplier) },
    );
    expect(errors).toBeUndefined();
    nodes.push(...data!.changes!.edges.map((edge) => edge.node));
    since = data!.changes!.pageInfo.endCursor;
    if (!data!.changes!.pageInfo.hasNextPage) return nodes;
  }
}

const has = (nodes: FeedNode[], id: string, change: FeedNode['change'] = 'MODIFIED'): boolean =>
  nodes.some((node) => node.id === id && node.change === change);

const writeAbsence = async (student: Places['inside']): Promise<string> => {
  const created = await producerCall(stack.producers.attendance, 'POST', '/absences', absenceOf(student));
  expect(created.status).toBe(200);
  return created.body.id as string;
};

test('the gateway subscribes to every producer with its own notification address', async () => {
  expect(stack.changeModes()).toEqual({
    register: 'subscription',
    schedule: 'subscription',
    attendance: 'subscription',
    grades: 'subscription',
  });
  const listed = await producerCall(stack.producers.attendance, 'GET', '/subscriptions');
  const targets = listed.body.data.map((s: { target: string }) => s.target);
  expect(targets).toEqual([expect.stringMatching(/\/ss12000\/notifications\/attendance\?token=/)]);
});

test('producer webhook (modifiedEntites) → the supplier feed → the supplier webhook, signed', async () => {
  const hooksBefore = fullHook.received.length;
  const id = await writeAbsence(at.inside);
  const nodes = await eventually(async () => {
    const feed = await feedOf('feed-full');
    return has(feed, id) && feed;
  }, 'the absence in the full feed');
  expect(nodes.find((node) => node.id === id)).toEqual({ type: 'ABSENCE', id, change: 'MODIFIED', at: expect.any(String) });
  const hook = await eventually(
    () => fullHook.received.slice(hooksBefore).find((h) => JSON.parse(h.body).modifiedEntites?.includes('Absence')),
    'the full webhook',
  );
  expect(JSON.parse(hook.body)).toEqual({ modifiedEntites: ['Absence'], modifiedEntities: ['Absence'], deletedEntities: false });
  expect(signedWith(FULL_SECRET, hook)).toBe(true);
  expect(signedWith(UNIT_SECRET, hook)).toBe(false);
});

test('a change outside the supplier’s units never reaches it: not in its feed, no webhook', async () => {
  // Drain what earlier scenarios queued for the unit supplier, then watch for anything new.
  await eventually(async () => (await stack.changeStore.pending('feed-unit')) === 0, 'no pending unit deliveries');
  const unitHooksBefore = unitHook.received.length;
  const fullHooksBefore = fullHook.received.length;
  const id = await writeAbsence(at.outside);
  await eventually(async () => has(await feedOf('feed-full'), id), 'the outside absence in the full feed');
  // The unit supplier's turn in the same dispatcher run came first: once the full one is told, it was decided.
  await eventually(() => fullHook.received.length > fullHooksBefore, 'the full webhook for the outside absence');
  expect(await stack.changeStore.pending('feed-unit')).toBe(0);
  expect(unitHook.received.length).toBe(unitHooksBefore);
  expect(has(await feedOf('feed-unit'), id)).toBe(false);
  // A change inside its unit does reach it, both ways.
  const inside = await writeAbsence(at.inside);
  await eventually(async () => has(await feedOf('feed-unit'), inside), 'the inside absence in the unit feed');
  const hook = await eventually(() => unitHook.received[unitHooksBefore], 'the unit webhook');
  expect(signedWith(UNIT_SECRET, hook)).toBe(true);
});

test('protected persons: under exclude a change about one is not in the feed; under alias it is, under the id reads serve', async () => {
  const id = await writeAbsence(at.protectedStudent);
  await eventually(async () => has(await feedOf('feed-full'), id), 'the protected student’s absence in the alias feed');
  // The alias supplier reads the same object by that id, with the student under the alias name.
  const read = await stack.query<{ absence: { id: string; student: { id: string } } | null }>(
    'query ($id: ID!) { absence(id: $id) { id student { id } } }',
    { id },
    { apiKey: keyOf('feed-full') },
  );
  expect(read.data?.absence?.id).toBe(id);
  expect(has(await feedOf('feed-exclude'), id)).toBe(false);
  const text = JSON.stringify(await feedOf('feed-exclude'));
  expect(text).not.toContain(at.protectedStudent.id);
});

test('a protected person’s own change: under alias the id its reads serve, under exclude nothing, outside the units nothing', async () => {
  // The demo register takes no writes: the change is put in the log as a catch-up would record it.
  const person = at.protectedStudent;
  await stack.changeStore.record([
    { producer: 'register', type: 'Person', id: person.id, change: 'MODIFIED', at: new Date().toISOString() },
  ]);
  const alias = (await feedOf('feed-full')).filter((node) => node.type === 'PERSON');
  const read = await stack.query<{ person: { id: string; givenName: string } | null }>(
    'query ($id: ID!) { person(id: $id) { id givenName } }',
    { id: person.id },
    { apiKey: keyOf('feed-full') },
  );
  expect(read.data?.person?.givenName).toBe('Skyddad');
  expect(alias.map((node) => node.id)).toEqual([read.data!.person!.id]);
  expect((await feedOf('feed-exclude')).filter((node) => node.type === 'PERSON')).toEqual([]);
  const unitSees = (await feedOf('feed-unit')).filter((node) => node.type === 'PERSON');
  const enroledInUnit = person.enrolments?.some((enrolment) => enrolment.enroledAt.id === at.unit.id) === true;
  expect(unitSees.length).toBe(enroledInUnit ? 1 : 0);
});

test('types the supplier has no preset for are not in its feed; without the changes preset the feed is FORBIDDEN', async () => {
  const feed = await feedOf('feed-no-attendance');
  expect(feed.filter((node) => node.type === 'ABSENCE')).toEqual([]);
  expect(await feedOf('feed-no-attendance', ['ABSENCE'])).toEqual([]);
  expect((await feedOf('feed-full', ['ABSENCE'])).length).toBeGreaterThan(0);
  const denied = await stack.query<FeedAnswer>(FEED, {}, { apiKey: keyOf('feed-not-granted') });
  expect(denied.data?.changes ?? null).toBeNull();
  expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('a cursor is bound to its supplier: another supplier’s or a forged one is BAD_USER_INPUT', async () => {
  const { data } = await stack.query<FeedAnswer>(FEED, { first: 1 }, { apiKey: keyOf('feed-full') });
  const cursor = data!.changes!.pageInfo.endCursor;
  const moved = await stack.query<FeedAnswer>(FEED, { since: cursor }, { apiKey: keyOf('feed-exclude') });
  expect(moved.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const forged = Buffer.from('999.AAAAAAAAAAAAAAAAAAAAAA').toString('base64url');
  const refused = await stack.query<FeedAnswer>(FEED, { since: forged }, { apiKey: keyOf('feed-full') });
  expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  // Resuming from its own cursor gives what follows it, never what came before.
  const next = await stack.query<FeedAnswer>(FEED, { since: cursor, first: 1000 }, { apiKey: keyOf('feed-full') });
  expect(next.errors).toBeUndefined();
  expect(next.data!.changes!.edges.map((e) => e.node)).not.toContainEqual(data!.changes!.edges[0]!.node);
});

test('a deletion reaches the suppliers that were shown the object, and only them', async () => {
  const inside = await writeAbsence(at.inside);
  const outside = await writeAbsence(at.outside);
  await eventually(
    async () => has(await feedOf('feed-unit'), inside) && has(await feedOf('feed-full'), outside),
    'both absences in the feeds',
  );
  for (const id of [inside, outside])
    expect((await producerCall(stack.producers.attendance, 'DELETE', `/absences/${id}`)).status).toBe(204);
  const full = await eventually(async () => {
    const feed = await feedOf('feed-full');
    return has(feed, inside, 'DELETED') && has(feed, outside, 'DELETED') && feed;
  }, 'both deletions in the full feed');
  expect(full.filter((node) => node.change === 'DELETED' && node.id === inside)).toHaveLength(1);
  const unit = await feedOf('feed-unit');
  expect(has(unit, inside, 'DELETED')).toBe(true);
  expect(has(unit, outside, 'DELETED')).toBe(false);
  const hook = await eventually(
    () => fullHook.received.find((h) => JSON.parse(h.body).deletedEntities === true),
    'a webhook telling of deletions',
  );
  expect(signedWith(FULL_SECRET, hook)).toBe(true);
});

describe('the notification endpoint', () => {
  const notify = (producer: string, query: string, body: string, headers: Record<string, string> = {}) =>
    fetch(new URL(`/ss12000/notifications/${producer}${query}`, stack.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  test('accepts the reference API’s spelling, modifiedEntities, with no supplier credentials', async () => {
    // Without the producer's own notification: its subscription is removed, so only ours tells the gateway.
    const held = await stack.changeStore.subscription('attendance');
    expect((await producerCall(stack.producers.attendance, 'DELETE', `/subscriptions/${held!.id}`)).status).toBe(204);
    const id = await writeAbsence(at.inside);
    const response = await notify(
      'attendance',
      `?token=${TOKEN}`,
      JSON.stringify({ modifiedEntities: ['Absence'], deletedEntities: false }),
    );
    expect(response.status).toBe(200);
    await eventually(async () => has(await feedOf('feed-full'), id), 'the absence told of as modifiedEntities');
  });

  test('refuses a wrong token, an unknown producer and a bad signature alike (401); a bad body is 400', async () => {
    const body = JSON.stringify({ modifiedEntites: ['Absence'], deletedEntities: false });
    expect((await notify('attendance', '?token=wrong', body)).status).toBe(401);
    expect((await notify('attendance', '', body)).status).toBe(401);
    expect((await notify('payroll', `?token=${TOKEN}`, body)).status).toBe(401);
    expect((await notify('%E0%A4%A', `?token=${TOKEN}`, body)).status).toBe(401);
    expect((await notify('grades', `?token=${TOKEN}`, body)).status).toBe(401);
    const gradesBody = JSON.stringify({ modifiedEntities: ['Grade'], deletedEntities: true });
    expect((await notify('grades', '', gradesBody, { 'x-ss12000-signature': 'sha256=00' })).status).toBe(401);
    const signature = createHmac('sha256', GRADES_HMAC).update(gradesBody).digest('hex');
    expect((await notify('grades', '', gradesBody, { 'x-ss12000-signature': `sha256=${signature}` })).status).toBe(200);
    expect((await notify('attendance', `?token=${TOKEN}`, '{"modifiedEntites": "Absence"}')).status).toBe(400);
    expect((await notify('attendance', `?token=${TOKEN}`, 'x'.repeat(3 * 1024 * 1024))).status).toBe(413);
  });
});
