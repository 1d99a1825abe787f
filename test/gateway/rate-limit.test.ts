// Per-supplier rate limits over real HTTP: the request after a supplier's `rateLimit.requests` in the
// window is answered 429 with Retry-After and code RATE_LIMITED, before anything runs; other suppliers
// keep their own buckets. Run twice: counters in the gateway's memory, and in Redis with two gateways
// sharing it (one bucket for both). Needs a Redis at REDIS_URL (default redis://127.0.0.1:6379).
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashApiKey } from '../../src/auth';
import { DEFAULT_SUPPLIERS_PATH } from '../../src/config/paths';
import type { Dataset } from '../../src/demo/dataset';
import { generateMunicipality } from '../../src/demo/generator';
import { createRateLimiter, rateLimitStoreErrors } from '../../src/gateway/rate-limit';
import { auditCapture } from '../auth-e2e/support';
import { startE2E, type E2E } from '../support/e2e';

const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
const LIMIT = 3;
const QUERY = '{ persons(first: 1) { edges { node { id } } } }';

let dataset: Dataset;
let suppliersPath: string;
beforeAll(async () => {
  dataset = generateMunicipality({ students: 50 });
  // The demo suppliers plus two with a limit of 3 a minute: `metered` is used up, `bystander` is not.
  suppliersPath = path.join(await mkdtemp(path.join(tmpdir(), 'suppliers-')), 'suppliers.yaml');
  await copyFile(DEFAULT_SUPPLIERS_PATH, suppliersPath);
  const metered = (name: string): string =>
    `\n  - name: ${name}\n    apiKeys:\n      - sha256: ${hashApiKey(`${name}-key`)}\n    units: all\n    scopes: [standard, students]\n    protectedIdentities: alias\n    rateLimit: { requests: ${LIMIT}, windowSeconds: 60 }\n`;
  await writeFile(suppliersPath, (await readFile(suppliersPath, 'utf8')) + metered('metered') + metered('bystander'));
});

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const post = async (stack: E2E, key: string): Promise<Answer> => {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: QUERY }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
};

const producerRequests = (stacks: E2E[]): number =>
  stacks.reduce((sum, stack) => sum + Object.values(stack.producers).reduce((n, producer) => n + producer.stats().total, 0), 0);

const expectLimited = (answer: Answer): void => {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toEqual([
    {
      message: expect.stringContaining(`${LIMIT} requests per 60 s`),
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(answer.retryAfter) },
    },
  ]);
};

describe.each([
  ['in memory, one gateway', 1, false],
  ['in Redis, two gateways sharing it', 2, true],
] as const)('rate limits %s', (_name, gateways, redis) => {
  let stacks: E2E[] = [];
  const audit = auditCapture();
  beforeAll(async () => {
    // Each run its own keys, so a rerun within the window starts afresh.
    const rateLimit = redis ? { redisUrl: REDIS_URL, keyPrefix: `test-rate:${process.pid}:${Date.now()}` } : undefined;
    for (let i = 0; i < gateways; i++) stacks.push(await startE2E({ dataset, suppliersPath, rateLimit, audit: audit.logger }));
  });
  afterAll(async () => {
    for (const stack of stacks) await stack.close();
    stacks = [];
  });
  /** The i-th request goes to gateway i mod n: with Redis, the supplier's requests are spread over both. */
  const gateway = (i: number): E2E => stacks[i % stacks.length]!;

  test(`request ${LIMIT + 1} in the window is refused 429 with Retry-After, before any producer is asked`, async () => {
    for (let i = 0; i < LIMIT; i++) {
      const answer = await post(gateway(i), 'metered-key');
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
    const before = producerRequests(stacks);
    expectLimited(await post(gateway(LIMIT), 'metered-key'));
    expectLimited(await post(gateway(LIMIT + 1), 'metered-key'));
    expect(producerRequests(stacks)).toBe(before);
    expect(audit.lines().filter((line) => line['status'] === 'rate_limited')).toEqual([
      expect.objectContaining({ supplier: 'metered', httpStatus: 429, errorCodes: ['RATE_LIMITED'] }),
      expect.objectContaining({ supplier: 'metered', httpStatus: 429, errorCodes: ['RATE_LIMITED'] }),
    ]);
  });

  test('the limit is per supplier: another supplier, and the demo supplier, are unaffected', async () => {
    expectLimited(await post(gateway(0), 'metered-key'));
    for (let i = 0; i < LIMIT; i++) expect((await post(gateway(i), 'bystander-key')).status).toBe(200);
    expect((await post(gateway(0), 'demo-full-key')).status).toBe(200);
    expectLimited(await post(gateway(1), 'bystander-key'));
  });
});

test('a Redis that cannot be reached does not stop the gateway: each process counts in memory, and says so', async () => {
  // Not connected: the client is not ready, exactly as while ioredis keeps reconnecting to a Redis that
  // went away (connecting here would leave ioredis's 2 s connect timer holding jest open).
  const limiter = createRateLimiter({ redisUrl: 'redis://127.0.0.1:1', keyPrefix: 'test-rate:unreachable' });
  try {
    const errorsBefore = (await rateLimitStoreErrors.get()).values[0]?.value ?? 0;
    const started = Date.now();
    const admissions = [];
    for (let i = 0; i < 3; i++) admissions.push(await limiter.admit('meals', { requests: 2, windowSeconds: 60 }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(admissions.map((admission) => admission.admitted)).toEqual([true, true, false]);
    expect((await rateLimitStoreErrors.get()).values[0]?.value).toBe(errorsBefore + 3);
  } finally {
    await limiter.close();
  }
});
