// The shared store's contract, held by both implementations: memory (no REDIS_URL) and Redis (a real one
// at REDIS_URL, default redis://127.0.0.1:6379, under a key prefix of this run's own). Then: a Redis that
// does not answer makes every operation fail at once with SharedStoreUnavailableError, counted, never a hang.
import { Redis } from 'ioredis';
import { sharedStateErrors } from '../../src/observability/metrics';
import { createSharedStore, SharedStoreUnavailableError, type SharedStore, type SpaceLimits } from '../../src/state';

const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
const LIMITS: SpaceLimits = { ttlMs: 60_000, maxEntryChars: 10, maxChars: 1_000 };

describe.each([
  ['memory', undefined],
  ['Redis', REDIS_URL],
] as const)('the %s store', (_name, redisUrl) => {
  const keyPrefix = `test-state:${process.pid}:${Date.now()}`;
  let store: SharedStore;
  beforeAll(async () => {
    store = createSharedStore({ redisUrl, keyPrefix });
    await store.connect();
  });
  afterAll(() => store.close());

  test('gives back what was set, in the order asked, and nothing for a key never set', async () => {
    const space = store.space('a', LIMITS);
    expect(
      await space.setMany([
        ['k1', 'one'],
        ['k2', 'two'],
      ]),
    ).toBe(true);
    expect(await space.getMany(['k2', 'nope', 'k1'])).toEqual(['two', undefined, 'one']);
    expect(await space.getMany([])).toEqual([]);
  });

  test('spaces do not see each other: the same key in another space is another entry', async () => {
    await store.space('supplier-a', LIMITS).setMany([['same', 'a']]);
    await store.space('supplier-b', LIMITS).setMany([['same', 'b']]);
    expect(await store.space('supplier-a', LIMITS).getMany(['same'])).toEqual(['a']);
    expect(await store.space('supplier-b', LIMITS).getMany(['same'])).toEqual(['b']);
    expect(await store.space('supplier-c', LIMITS).getMany(['same'])).toEqual([undefined]);
  });

  test('an entry over maxEntryChars is refused, and none of the entries set with it is kept', async () => {
    const space = store.space('limits', LIMITS);
    expect(
      await space.setMany([
        ['small', 'fits'],
        ['large', 'x'.repeat(11)],
      ]),
    ).toBe(false);
    expect(await space.getMany(['small', 'large'])).toEqual([undefined, undefined]);
  });

  test('claim sets a key once: of several claims at the same time exactly one wins, and the key then reads as set', async () => {
    const space = store.space('claims', LIMITS);
    const results = await Promise.all(Array.from({ length: 5 }, () => space.claim('nonce-1')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await space.claim('nonce-1')).toBe(false);
    expect(await space.claim('nonce-2')).toBe(true);
    expect(await store.space('other-claims', LIMITS).claim('nonce-1')).toBe(true);
  });

  if (redisUrl !== undefined) {
    test('in Redis every key is under the prefix and the space, with the space\u2019s TTL', async () => {
      await store.space('ttl', LIMITS).setMany([['k', 'v']]);
      const redis = new Redis(redisUrl);
      try {
        expect(await redis.keys(`${keyPrefix}:ttl:*`)).toEqual([`${keyPrefix}:ttl:k`]);
        const ttl = await redis.pttl(`${keyPrefix}:ttl:k`);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(LIMITS.ttlMs);
      } finally {
        await redis.del(...(await redis.keys(`${keyPrefix}:*`)));
        redis.disconnect();
      }
    });
  }
});

test('a Redis that does not answer: every operation fails at once with SharedStoreUnavailableError, counted', async () => {
  const store = createSharedStore({ redisUrl: 'redis://127.0.0.1:1', keyPrefix: 'test-state:unreachable' });
  try {
    await store.connect();
    const space = store.space('a', LIMITS);
    const failures = (): Promise<number> =>
      sharedStateErrors.get().then((metric) => metric.values.reduce((sum, value) => sum + value.value, 0));
    const before = await failures();
    await expect(space.getMany(['k'])).rejects.toBeInstanceOf(SharedStoreUnavailableError);
    await expect(space.setMany([['k', 'v']])).rejects.toBeInstanceOf(SharedStoreUnavailableError);
    await expect(space.claim('k')).rejects.toBeInstanceOf(SharedStoreUnavailableError);
    expect(await failures()).toBe(before + 3);
  } finally {
    await store.close();
  }
});
