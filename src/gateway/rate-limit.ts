// Per-supplier rate limits: at most `requests` GraphQL requests per `windowSeconds` (fixed window),
// the supplier's `rateLimit` in the suppliers file or DEFAULT_RATE_LIMIT. Checked right after
// authentication, before the body is read: a refused request costs the gateway one counter increment.
// Refused: HTTP 429, `Retry-After` in seconds, code RATE_LIMITED; audited (status rate_limited), so it
// shows in gateway_request_duration_seconds and gateway_errors_total like any other answer.
//
// With a Redis (REDIS_URL) the counters live there (rate-limiter-flexible's RateLimiterRedis over
// ioredis, one atomic script per request), so replicas behind one load balancer share each supplier's
// bucket; without one, each process counts in memory (RateLimiterMemory).
//
// A Redis that is down or slow does not take the gateway down, and does not lift the limits either:
// each replica falls back to counting in its own memory (the same limit, per replica) until Redis
// answers again, logs it (at most every LOG_EVERY_MS) and counts it in
// gateway_rate_limit_store_errors_total. Failing closed would turn a Redis outage into an outage of
// every supplier's access; failing wide open would drop the protection exactly when something is
// already wrong. With N replicas a supplier may get up to N × its limit while Redis is down: a bounded
// overshoot the alert on that metric should catch. The connection is src/state/redis-client.ts's, as for
// the rest of the shared state: commands are not queued while Redis is away and time out, so no request waits on it.
import { Counter } from 'prom-client';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitSetting } from '../auth';
import { logger } from '../config/logger';
import { metricsRegistry } from '../observability/metrics';
import { getOrCompute } from '../lib/get-or-compute';
import { closeRedis, connectRedis, createRedisClient } from '../state/redis-client';

/** A supplier without `rateLimit` in the suppliers file: 600 requests a minute (10/s sustained). */
const DEFAULT_RATE_LIMIT: Readonly<RateLimitSetting> = { requests: 600, windowSeconds: 60 };

const LOG_EVERY_MS = 10_000;

export interface RateLimitStore {
  /** Redis URL (REDIS_URL); counters in this process's memory when not given. */
  redisUrl?: string;
  /** Prefix of the Redis keys (default "ss12000-gw:rate"); tests give each run its own. */
  keyPrefix?: string;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number; limit: Readonly<RateLimitSetting> };

export interface RateLimiter {
  /** Connects to Redis, if any (briefly: unreachable is logged, memory until it answers). */
  connect(): Promise<void>;
  /** Counts one request of `supplier` against `setting` (DEFAULT_RATE_LIMIT when undefined). */
  admit(supplier: string, setting: Readonly<RateLimitSetting> | undefined): Promise<Admission>;
  close(): Promise<void>;
}

export const rateLimitStoreErrors = new Counter({
  name: 'gateway_rate_limit_store_errors_total',
  help: 'Rate-limit checks Redis could not answer (counted in process memory instead).',
  registers: [metricsRegistry],
});

export function createRateLimiter(store: RateLimitStore = {}): RateLimiter {
  const keyPrefix = store.keyPrefix ?? 'ss12000-gw:rate';
  let lastLogged = 0;
  const logThrottled = (error: unknown, message: string): void => {
    const now = Date.now();
    if (now - lastLogged < LOG_EVERY_MS) return;
    lastLogged = now;
    logger.error({ err: error }, message);
  };
  const redis =
    store.redisUrl === undefined
      ? undefined
      : createRedisClient(store.redisUrl, (error) => logThrottled(error, 'rate-limit Redis unavailable; counting in process memory'));

  // One limiter per distinct setting (a handful); the key prefix names the setting, so a supplier whose
  // limit is changed starts a fresh bucket instead of reading a count kept under another window.
  const shared = new Map<string, RateLimiterAbstract>();
  const local = new Map<string, RateLimiterMemory>();
  const limiterFor = <T>(
    cache: Map<string, T>,
    setting: Readonly<RateLimitSetting>,
    make: (options: { points: number; duration: number; keyPrefix: string }) => T,
  ): T => {
    const name = `${setting.requests}r${setting.windowSeconds}s`;
    return getOrCompute(cache, name, () =>
      make({ points: setting.requests, duration: setting.windowSeconds, keyPrefix: `${keyPrefix}:${name}` }),
    );
  };
  const memoryLimiter = (setting: Readonly<RateLimitSetting>): RateLimiterMemory =>
    limiterFor(local, setting, (options) => new RateLimiterMemory(options));
  const redisLimiter = (client: NonNullable<typeof redis>, setting: Readonly<RateLimitSetting>): RateLimiterAbstract =>
    limiterFor(shared, setting, (options) => new RateLimiterRedis({ ...options, storeClient: client, rejectIfRedisNotReady: true }));

  const consume = async (limiter: RateLimiterAbstract, supplier: string, limit: Readonly<RateLimitSetting>): Promise<Admission> => {
    try {
      await limiter.consume(supplier);
      return { admitted: true };
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)), limit };
    }
  };

  return {
    connect: async () => {
      // ioredis keeps reconnecting (its default backoff) after a failed first attempt.
      if (redis)
        await connectRedis(redis, (error) => logThrottled(error, 'rate-limit Redis unavailable at start; counting in process memory'));
    },
    admit: async (supplier, setting) => {
      const limit = setting ?? DEFAULT_RATE_LIMIT;
      if (!redis) return consume(memoryLimiter(limit), supplier, limit);
      try {
        return await consume(redisLimiter(redis, limit), supplier, limit);
      } catch (error) {
        rateLimitStoreErrors.inc();
        logThrottled(error, 'rate-limit Redis unavailable; counting in process memory');
        return consume(memoryLimiter(limit), supplier, limit);
      }
    },
    close: async () => {
      if (redis) await closeRedis(redis);
    },
  };
}

/** The 429 answer: a GraphQL error body (code RATE_LIMITED) and the Retry-After header. */
export const rateLimitedResponse = (admission: Extract<Admission, { admitted: false }>) => ({
  status: 429,
  contentType: 'application/json; charset=utf-8',
  headers: { 'retry-after': String(admission.retryAfterSeconds) },
  body: JSON.stringify({
    errors: [
      {
        message: `Rate limit reached: ${admission.limit.requests} requests per ${admission.limit.windowSeconds} s for this supplier. Retry in ${admission.retryAfterSeconds} s.`,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: admission.retryAfterSeconds },
      },
    ],
  }),
});
