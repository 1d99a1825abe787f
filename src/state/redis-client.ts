// The one way this project opens a Redis connection (rate limits, shared state): nothing waits on a
// Redis that is away. Commands are not queued while it is (enableOfflineQueue: false) and time out after
// COMMAND_TIMEOUT_MS, so a request that needs it fails at once and its caller falls back; ioredis keeps
// reconnecting in the background (its default backoff) and the state is shared again once it answers.
import { Redis } from 'ioredis';

// A Redis that answers slower than this counts as down for that command.
const COMMAND_TIMEOUT_MS = 1000;
// How long a process's start waits for Redis before going on without it.
const CONNECT_TIMEOUT_MS = 2000;
// Closing while ioredis is reconnecting: it would hold the process this long (default 2 s) for a socket
// that will never connect.
const DISCONNECT_TIMEOUT_MS = 200;

/** A client not connected yet (`connect()` it); `onError` hears every failure (ioredis would otherwise report them as unhandled). */
export function createRedisClient(url: string, onError: (error: unknown) => void): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    disconnectTimeout: DISCONNECT_TIMEOUT_MS,
  });
  redis.on('error', onError);
  return redis;
}

/** Connects, at most CONNECT_TIMEOUT_MS; a failure goes to `onError` and ioredis keeps trying. */
export const connectRedis = async (redis: Redis, onError: (error: unknown) => void): Promise<void> => {
  await redis.connect().catch(onError);
};

/** Quits cleanly when connected, else stops reconnecting. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}

/** Logs at most once per `everyMs`: a Redis that is down fails every request. */
export function throttled(log: (error: unknown) => void, everyMs = 10_000): (error: unknown) => void {
  let last = 0;
  return (error) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    log(error);
  };
}
