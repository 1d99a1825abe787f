// Issue 10, item 7: a signed subgraph request is good for that subgraph, that body, a minute, once.
// The gateway's request to the register subgraph is captured on the wire (a proxy in between holds
// it back, so the pair is genuine and unused), then presented by someone who can reach the
// subgraphs: to another subgraph, with another body, unsigned, verbatim (accepted once: the pair was
// genuine), verbatim again, and late. The subgraph's logged reason shows why each was refused.
// On either engine (test/support/engine.ts): Hive Gateway's plugin must sign exactly alike.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALLER_EXTENSION, CALLER_SIGNATURE_HEADER } from '../../src/auth';
import { logger } from '../../src/config/logger';
import { DEFAULT_SUPPLIERS_PATH, SUPERGRAPH_PATH } from '../../src/config/paths';
import { startGatewayServer } from '../../src/gateway/gateway-server';
import type { RunningServer } from '../../src/gateway/subgraph-server';
import { startSupplierAuth, type SupplierAuth } from '../../src/gateway/supplier-auth';
import { DEMO_KEYS, startE2E, testAudit, type E2E } from '../support/e2e';
import { startHiveFront } from '../support/engine';
import { bearer, post, postRaw, type Response } from './support';

interface Captured {
  headers: Record<string, string>;
  body: string;
}

const PERSONS = '{ persons(first: 3) { edges { node { id givenName } } } }';

let stack: E2E;
let proxy: Server;
let gateway: RunningServer;
let suppliers: SupplierAuth;
const captured: Captured[] = [];

// What a subgraph logs when it refuses a request (pino's warn, as `(object, message)`).
let warn: jest.SpyInstance;
const lastRefusal = (): unknown => (warn.mock.calls.at(-1)?.[0] as { reason?: string } | undefined)?.reason;

/** The headers worth replaying: the signature and the content type (not host, length, connection). */
const replayable = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).filter(([name]) => name === 'content-type' || name.startsWith('x-ss12000')) as [string, string][],
  );

/** One request the gateway signed for the register subgraph, held back by the proxy: never delivered. */
const capture = async (): Promise<Captured> => {
  const before = captured.length;
  await post(gateway.url, { query: PERSONS }, bearer(DEMO_KEYS.full));
  expect(captured.length).toBe(before + 1);
  return captured[before]!;
};

beforeAll(async () => {
  stack = await startE2E({ students: 100 });
  proxy = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      captured.push({ headers: replayable(request.headers), body: Buffer.concat(chunks).toString('utf8') });
      // An answer the gateway takes quietly: nothing reached the subgraph.
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { persons: null } }));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const subgraphUrls = { ...stack.subgraphUrls, register: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` };
  if (stack.engine === 'hive') {
    gateway = await startHiveFront({
      ...stack,
      subgraphUrls,
      suppliersPath: DEFAULT_SUPPLIERS_PATH,
      audit: testAudit(),
      requestTimeoutMs: 60_000,
    });
    return;
  }
  suppliers = await startSupplierAuth(DEFAULT_SUPPLIERS_PATH);
  gateway = await startGatewayServer({
    supergraphSdl: await readFile(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls,
    listen: { host: '127.0.0.1', port: 0 },
    authenticator: suppliers.authenticator,
    callerSecret: stack.callerSecret,
    audit: testAudit(),
  });
});
afterAll(async () => {
  await gateway?.close();
  suppliers?.close();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  await stack?.close();
});
beforeEach(() => {
  warn = jest.spyOn(logger, 'warn');
});
afterEach(() => {
  warn.mockRestore();
  jest.useRealTimers();
});

const expectRefused = (response: Response, reason: string): void => {
  expect(response.status).toBe(401);
  expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  expect(response.data).toBeUndefined();
  expect(lastRefusal()).toBe(reason);
};

describe('a captured gateway → register request', () => {
  let pair: Captured;
  beforeAll(async () => {
    pair = await capture();
  });

  it('carries the claims in the body and one small signature header', () => {
    // Beside the signature only the time budget, unsigned: changing it can only shorten this one request.
    expect(Object.keys(pair.headers).sort()).toEqual(['content-type', 'x-ss12000-budget-ms', CALLER_SIGNATURE_HEADER]);
    expect(pair.headers[CALLER_SIGNATURE_HEADER]).toMatch(/^v2\.\d+\.[\w-]+\.[\w-]{43}$/);
    expect(JSON.parse(pair.body)).toMatchObject({
      query: expect.any(String),
      extensions: { [CALLER_EXTENSION]: { v: 2, supplier: 'demo-full', units: 'all' } },
    });
  });

  it('sent to another subgraph: refused (the signature names register)', async () => {
    expectRefused(await postRaw(stack.subgraphUrls.schedule, pair.body, pair.headers), 'invalid');
    expectRefused(await postRaw(stack.subgraphUrls.grades, pair.body, pair.headers), 'invalid');
  });

  it('sent with another body (another operation under the same claims): refused', async () => {
    const request = JSON.parse(pair.body) as { query: string };
    const other = JSON.stringify({ ...request, query: '{ persons(first: 3) { edges { node { id civicNo { value } } } } }' });
    expectRefused(await postRaw(stack.subgraphUrls.register, other, pair.headers), 'invalid');
  });

  it('sent without its signature: refused with 401, as ever', async () => {
    expectRefused(await postRaw(stack.subgraphUrls.register, pair.body, { 'content-type': 'application/json' }), 'missing');
  });

  it('sent verbatim: served once (the pair is genuine), refused when sent again', async () => {
    const first = await postRaw(stack.subgraphUrls.register, pair.body, pair.headers);
    expect(first.status).toBe(200);
    expect(first.errors).toBeUndefined();
    expect((first.data as { persons: { edges: unknown[] } }).persons.edges).toHaveLength(3);
    expectRefused(await postRaw(stack.subgraphUrls.register, pair.body, pair.headers), 'replayed');
    expectRefused(await postRaw(stack.subgraphUrls.register, pair.body, pair.headers), 'replayed');
  });
});

describe('a captured request presented late', () => {
  it('is refused once its minute is over, though never used', async () => {
    const pair = await capture();
    // Only Date moves (the subgraph runs in this process); timers and I/O run as ever.
    jest.useFakeTimers({
      now: Date.now() + 61_000,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    expectRefused(await postRaw(stack.subgraphUrls.register, pair.body, pair.headers), 'expired');
  });
});
