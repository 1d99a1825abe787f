// State shared across replicas: summary snapshots (attendance subgraph) and APQ registrations (gateway).
// Rate-limit counters share the Redis connection settings (redis-client.ts) but keep their own store
// (rate-limiter-flexible), as src/gateway/rate-limit.ts explains.
import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import type { SharedStateConfig, SharedStore } from './shared-store';

export * from './shared-store';

const DEFAULT_PREFIX = 'ss12000-gw:state';

/** Redis when `config.redisUrl` is given, memory otherwise. Call connect() before serving. */
export const createSharedStore = (config: SharedStateConfig = {}): SharedStore =>
  config.redisUrl === undefined ? createMemoryStore() : createRedisStore(config.redisUrl, config.keyPrefix ?? DEFAULT_PREFIX);
