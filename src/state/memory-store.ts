// The shared store in this process's memory: the embedded demo, and any process without REDIS_URL.
// "Shared" only by the requests of this process; a replica beside it keeps its own.
import { LRUCache } from 'lru-cache';
import { getOrCompute } from '../lib/get-or-compute';
import { sizeOf, type SharedStore, type SpaceLimits, type StoreSpace } from './shared-store';

// lru-cache drops an expired entry only when it is read or room is needed: sweep once a minute, so a
// burst of large entries does not hold its memory until the next burst.
const SWEEP_MS = 60_000;

export interface MemoryStore extends SharedStore {
  /** Entries held, expired ones not yet swept included (tests). */
  entryCount(): number;
}

export function createMemoryStore(): MemoryStore {
  const spaces = new Map<string, LRUCache<string, string>>();
  // Unref'd: never keeps the process up; stopped by close().
  const sweep = setInterval(() => {
    for (const cache of spaces.values()) cache.purgeStale();
  }, SWEEP_MS);
  sweep.unref();

  const space = (name: string, limits: SpaceLimits): StoreSpace => {
    const cache = getOrCompute(
      spaces,
      name,
      () =>
        new LRUCache<string, string>({
          maxSize: limits.maxChars,
          maxEntrySize: limits.maxEntryChars,
          sizeCalculation: sizeOf,
          ttl: limits.ttlMs,
        }),
    );
    return {
      getMany: async (keys) => keys.map((key) => cache.get(key)),
      setMany: async (entries) => {
        if (entries.some(([, value]) => sizeOf(value) > limits.maxEntryChars)) return false;
        for (const [key, value] of entries) cache.set(key, value);
        return true;
      },
      claim: async (key) => {
        if (cache.has(key)) return false;
        cache.set(key, '1');
        return true;
      },
    };
  };

  return {
    kind: 'memory',
    space,
    connect: async () => undefined,
    entryCount: () => [...spaces.values()].reduce((sum, cache) => sum + cache.size, 0),
    close: async () => {
      clearInterval(sweep);
      spaces.clear();
    },
  };
}
