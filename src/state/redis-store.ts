// The shared store in Redis (REDIS_URL): every replica pointed at the same Redis reads what another set.
// A space's entries are plain string keys with a TTL (SET … PX); several at once go in one MULTI, so a
// reader sees all of them or none (Redis may still evict one later: readers treat a gap as a miss).
import type { Redis } from 'ioredis';
import { logger } from '../config/logger';
import { sharedStateErrors } from '../observability/metrics';
import { closeRedis, connectRedis, createRedisClient, throttled } from './redis-client';
import { SharedStoreUnavailableError, sizeOf, spacedKey, type SharedStore, type StoreSpace } from './shared-store';

export function createRedisStore(url: string, keyPrefix: string): SharedStore {
  const log = throttled((error) => logger.error({ err: error }, 'shared-state Redis unavailable'));
  const redis: Redis = createRedisClient(url, log);

  /** Runs a command; any failure (down, timeout, not connected) is SharedStoreUnavailableError, counted. */
  const command = async <T>(operation: 'get' | 'set', run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      sharedStateErrors.inc({ operation });
      log(error);
      throw new SharedStoreUnavailableError(error);
    }
  };

  return {
    kind: 'redis',
    space: (name, limits): StoreSpace => ({
      getMany: (keys) =>
        keys.length === 0
          ? Promise.resolve([])
          : command('get', async () =>
              (await redis.mget(keys.map((key) => spacedKey(keyPrefix, name, key)))).map((value) => value ?? undefined),
            ),
      setMany: async (entries) => {
        if (entries.some(([, value]) => sizeOf(value) > limits.maxEntryChars)) return false;
        if (entries.length === 0) return true;
        await command('set', async () => {
          const multi = redis.multi();
          for (const [key, value] of entries) multi.set(spacedKey(keyPrefix, name, key), value, 'PX', limits.ttlMs);
          const results = await multi.exec();
          const failed = results?.find(([error]) => error !== null)?.[0];
          if (results === null || failed) throw failed ?? new Error('MULTI discarded');
        });
        return true;
      },
      claim: (key) =>
        command('set', async () => (await redis.set(spacedKey(keyPrefix, name, key), '1', 'PX', limits.ttlMs, 'NX')) === 'OK'),
    }),
    connect: () =>
      connectRedis(redis, (error) =>
        logger.error({ err: error }, 'shared-state Redis unavailable at start; each request falls back until it answers'),
      ),
    close: () => closeRedis(redis),
  };
}
