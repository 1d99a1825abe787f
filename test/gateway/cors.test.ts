// Issue 12: CORS per deployment. An allowed origin gets the headers (preflight answered before
// authentication), any other origin gets none; never on the admin paths; a key in a query string is no key.
import { resolveConfig } from '../../src/config/load-config';
import { DEFAULT_SUPPLIERS_PATH } from '../../src/config/paths';
import { createCorsPolicy } from '../../src/gateway/cors';
import { startDeployedGateway } from '../../src/gateway/deployed';
import { DEMO_KEYS, startE2E, testAudit, type E2E } from '../support/e2e';
import { rawRequest } from '../support/raw-request';

const APP = 'https://app.example.se';
let stack: E2E;

beforeAll(async () => {
  stack = await startE2E({ students: 40, metricsToken: 'cors-test-metrics', cors: { allowedOrigins: [APP, 'http://localhost:*'] } });
});

afterAll(async () => {
  await stack?.close();
});

const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  rawRequest(stack.gatewayUrl, method, path, headers, body);

const preflight = (origin: string, path = '/graphql') =>
  send('OPTIONS', path, {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'authorization, content-type',
  });

const query = (origin: string, key?: string) =>
  send(
    'POST',
    '/graphql',
    { origin, 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    JSON.stringify({ query: '{ __typename }' }),
  );

const corsHeaders = (headers: Record<string, unknown>): string[] =>
  Object.keys(headers).filter((name) => name.startsWith('access-control-'));

describe('CORS', () => {
  it('answers an allowed origin’s preflight without a key', async () => {
    const answer = await preflight(APP);
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(APP);
    expect(answer.headers['access-control-allow-methods']).toBe('GET, POST');
    expect(answer.headers['access-control-allow-headers']?.split(', ')).toEqual(
      expect.arrayContaining(['content-type', 'authorization', 'x-api-key', 'idempotency-key', 'traceparent']),
    );
    expect(Number(answer.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(answer.headers['vary']).toBe('Origin');
    // Keys travel in headers, never cookies: credentials mode is not allowed.
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('gives any other origin no CORS headers, preflight or request', async () => {
    for (const origin of [
      'https://evil.example',
      'https://app.example.se.evil.example',
      'http://app.example.se',
      'null',
      'https://localhost:5173',
      'http://localhost.evil.example:5173',
    ]) {
      const refused = await preflight(origin);
      expect({ origin, status: refused.status, cors: corsHeaders(refused.headers) }).toEqual({ origin, status: 204, cors: [] });
      const answered = await query(origin, DEMO_KEYS.full);
      expect({ origin, cors: corsHeaders(answered.headers) }).toEqual({ origin, cors: [] });
      expect(answered.headers['vary']).toBe('Origin');
    }
  });

  it('puts the headers on the answers an allowed origin gets, refusals included', async () => {
    const answered = await query(APP, DEMO_KEYS.full);
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toEqual(expect.objectContaining({ data: { __typename: 'Query' } }));
    expect(answered.headers['access-control-allow-origin']).toBe(APP);
    expect(answered.headers['access-control-expose-headers']).toBe('retry-after');

    const refused = await query(APP);
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(APP);

    const sdl = await send('GET', '/sdl', { origin: APP, authorization: `Bearer ${DEMO_KEYS.lms}` });
    expect(sdl.status).toBe(200);
    expect(sdl.headers['access-control-allow-origin']).toBe(APP);
    expect((await preflight(APP, '/sdl')).headers['access-control-allow-origin']).toBe(APP);
  });

  it('allows a loopback pattern on any port, and only on loopback', async () => {
    for (const origin of ['http://localhost:5173', 'http://localhost:3000']) {
      expect((await preflight(origin)).headers['access-control-allow-origin']).toBe(origin);
    }
    expect((await preflight('http://127.0.0.1:5173')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never puts CORS headers on the admin paths', async () => {
    for (const path of ['/metrics', '/healthz', '/readyz']) {
      const answer = await send('GET', path, { origin: APP, authorization: 'Bearer cors-test-metrics' });
      expect({ path, status: answer.status, cors: corsHeaders(answer.headers) }).toEqual({ path, status: 200, cors: [] });
      expect(corsHeaders((await preflight(APP, path)).headers)).toEqual([]);
    }
  });

  it('takes no credential from a query string', async () => {
    const document = encodeURIComponent('{ __typename }');
    for (const parameter of [
      `api_key=${DEMO_KEYS.full}`,
      `apiKey=${DEMO_KEYS.full}`,
      `x-api-key=${DEMO_KEYS.full}`,
      `authorization=Bearer%20${DEMO_KEYS.full}`,
      `access_token=${DEMO_KEYS.full}`,
    ]) {
      const answer = await send('GET', `/graphql?query=${document}&${parameter}`, { origin: APP, 'apollo-require-preflight': 'true' });
      expect({ parameter, status: answer.status }).toEqual({ parameter, status: 401 });
    }
  });

  it('allows no origin by default (the policy)', () => {
    const policy = createCorsPolicy({ allowedOrigins: [] });
    expect(policy.preflightHeaders({ origin: APP })).toEqual({ vary: 'Origin', allow: 'GET, POST, OPTIONS' });
    expect(policy.responseHeaders({ origin: 'http://localhost:5173' })).toEqual({ vary: 'Origin' });
  });

  it('in the deployed shape allows no origin unless the config file names it', async () => {
    const producer = { baseUrl: 'https://unused.example.se', auth: { kind: 'bearer', token: 'unused' } };
    const file = (gateway: Record<string, unknown>) => ({
      gateway: { host: '127.0.0.1', port: 0, ...gateway },
      subgraphs: Object.fromEntries(Object.entries(stack.subgraphUrls).map(([name, url]) => [name, { url }])),
      producers: { register: producer },
    });
    const originAllowed = async (gateway: Record<string, unknown>, origin: string): Promise<string | undefined> => {
      const deployed = await startDeployedGateway(resolveConfig(file(gateway), {}), {
        suppliersPath: DEFAULT_SUPPLIERS_PATH,
        callerSecret: stack.callerSecret,
        audit: testAudit(),
      });
      try {
        const answer = await rawRequest(deployed.url, 'OPTIONS', '/graphql', { origin, 'access-control-request-method': 'POST' });
        return answer.headers['access-control-allow-origin'] as string | undefined;
      } finally {
        await deployed.close();
      }
    };
    expect(await originAllowed({}, 'http://localhost:5173')).toBeUndefined();
    expect(await originAllowed({}, APP)).toBeUndefined();
    expect(await originAllowed({ cors: { allowedOrigins: [APP] } }, APP)).toBe(APP);
  });
});
