// Where a subgraph keeps idempotency keys (src/resolvers/attendance/writes/idempotency.ts): the
// request digest that first used a key and, once written, the result, for `ttlSeconds` (24 h unless
// configured). In memory by default; in Redis when a URL is given (REDIS_URL), so replicas of the
// attendance subgraph share them (connected as src/gateway/rate-limit.ts connects).
//
// A Redis that is down does not stop writes: the store falls back to this process's memory (logged,
// at most every LOG_EVERY_MS). A retry that then reaches another replica is not recognised: the
// bounded risk of a double write while Redis is away, against refusing every write meanwhile.
import { Redis } from 'ioredis';
import { logger } from '../config/logger';
import type { IdempotencyClaim, IdempotencyStore } from '../resolvers/shared/context';

export const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
// A claim whose write is still running: a process that dies mid-write must not hold its key for a day.
// Far above any request's deadline (gateway.requestTimeoutMs, 5 s by default).
const PENDING_TTL_SECONDS = 120;

const COMMAND_TIMEOUT_MS = 1000;
const CONNECT_TIMEOUT_MS = 2000;
const LOG_EVERY_MS = 10_000;

export interface IdempotencyStoreOptions {
  /** Redis URL (REDIS_URL); memory when not given. */
  redisUrl?: string;
  /** Prefix of the Redis keys (default "ss12000-gw:idem"); tests give each run its own. */
  keyPrefix?: string;
  /** How long a key is remembered (default 24 h). */
  ttlSeconds?: number;
}

interface Entry {
  digest: string;
  done: boolean;
  result?: unknown;
}

const claimOf = (entry: Entry): IdempotencyClaim =>
  entry.done ? { state: 'done', digest: entry.digest, result: entry.result } : { state: 'pending', digest: entry.digest };

/** Keys in this process's memory, each forgotten `ttlSeconds` after it was last set. */
export function memoryIdempotencyStore(ttlSeconds = DEFAULT_IDEMPOTENCY_TTL_SECONDS): IdempotencyStore {
  // Insertion order is nearly expiry order (pending claims expire sooner, and are few and short-lived):
  // expired entries are swept from the front; one read past its expiry counts as absent.
  const entries = new Map<string, Entry & { expiresAt: number }>();
  const sweep = (now: number): void => {
    for (const [key, entry] of entries) {
      if (entry.expiresAt > now) break;
      entries.delete(key);
    }
  };
  const set = (key: string, entry: Entry): void => {
    entries.delete(key);
    entries.set(key, { ...entry, expiresAt: Date.now() + (entry.done ? ttlSeconds : Math.min(ttlSeconds, PENDING_TTL_SECONDS)) * 1000 });
  };
  return {
    claim: async (key, digest) => {
      const now = Date.now();
      sweep(now);
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now) return claimOf(entry);
      set(key, { digest, done: false });
      return { state: 'claimed' };
    },
    complete: async (key, digest, result) => set(key, { digest, done: true, result }),
    release: async (key) => {
      entries.delete(key);
    },
    close: async () => entries.clear(),
  };
}

export function createIdempotencyStore(options: IdempotencyStoreOptions = {}): IdempotencyStore & { connect(): Promise<void> } {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_IDEMPOTENCY_TTL_SECONDS;
  const memory = memoryIdempotencyStore(ttlSeconds);
  if (options.redisUrl === undefined) return { ...memory, connect: async () => undefined };
  const prefix = options.keyPrefix ?? 'ss12000-gw:idem';
  let lastLogged = 0;
  const fallBack = (error: unknown): IdempotencyStore => {
    const now = Date.now();
    if (now - lastLogged >= LOG_EVERY_MS) {
      lastLogged = now;
      logger.error({ err: error }, 'idempotency Redis unavailable; keys kept in process memory');
    }
    return memory;
  };
  const redis = new Redis(options.redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', (error: unknown) => fallBack(error));
  const at = (key: string): string => `${prefix}:${key}`;
  const write = (key: string, entry: Entry, onlyNew: boolean): Promise<'OK' | null> => {
    const seconds = entry.done ? ttlSeconds : Math.min(ttlSeconds, PENDING_TTL_SECONDS);
    return onlyNew
      ? redis.set(at(key), JSON.stringify(entry), 'EX', seconds, 'NX')
      : redis.set(at(key), JSON.stringify(entry), 'EX', seconds);
  };
  return {
    connect: async () => {
      await redis.connect().catch((error: unknown) => fallBack(error));
    },
    claim: async (key, digest) => {
      try {
        if ((await write(key, { digest, done: false }, true)) === 'OK') return { state: 'claimed' };
        const held = await redis.get(at(key));
        // Expired between the two commands: free again.
        if (held === null)
          return (await write(key, { digest, done: false }, true)) === 'OK' ? { state: 'claimed' } : { state: 'pending', digest: '' };
        return claimOf(JSON.parse(held) as Entry);
      } catch (error) {
        return fallBack(error).claim(key, digest);
      }
    },
    complete: async (key, digest, result) => {
      try {
        await write(key, { digest, done: true, result }, false);
      } catch (error) {
        await fallBack(error).complete(key, digest, result);
      }
    },
    release: async (key) => {
      await memory.release(key);
      try {
        await redis.del(at(key));
      } catch (error) {
        fallBack(error);
      }
    },
    close: async () => {
      await memory.close();
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
