// State that replicas share: what one replica kept, another reads (summary snapshots, APQ registrations).
// Two implementations behind one interface: memory (the demo, a single process, or no REDIS_URL) and
// Redis (REDIS_URL set: every replica pointed at it sees the same entries). Values are strings: each user
// serialises its own values and reads them back checked, so nothing but text crosses the boundary.
//
// Keys are spaced: `space(name, limits)` is a view whose keys live under `<prefix>:<name>:`, so a
// user puts what must never be served to another caller (the supplier, a digest of its grant) into the
// space's name or its keys, and no two users of the store can read each other's entries.

/** How a space keeps its entries. */
export interface SpaceLimits {
  /** Every entry expires this long after it was set. */
  readonly ttlMs: number;
  /** An entry longer than this (characters) is not kept: `set` answers false. */
  readonly maxEntryChars: number;
  /**
   * Memory only: characters the space holds at most, least recently used going first. In Redis the
   * bound is Redis's own (`maxmemory` with a `volatile-*` eviction policy: every entry has a TTL).
   */
  readonly maxChars: number;
}

/** One space of the store. Operations reject with SharedStoreUnavailableError when Redis does not answer. */
export interface StoreSpace {
  /** The values under `keys`, in order; undefined where there is none (never set, expired, evicted). */
  getMany(keys: readonly string[]): Promise<(string | undefined)[]>;
  /** Sets every entry (with the space's TTL), all or none; false when one is over maxEntryChars (then none is set). */
  setMany(entries: readonly (readonly [string, string])[]): Promise<boolean>;
  /**
   * Sets `key` (with the space's TTL) only when it is absent: true when this call set it, false when
   * it was there. Atomic across replicas in Redis (SET NX): of two replicas claiming one key, one wins.
   */
  claim(key: string): Promise<boolean>;
}

export interface SharedStore {
  /** 'redis' when REDIS_URL was given. */
  readonly kind: 'memory' | 'redis';
  /** The view of the keys under `name`; the same name gives the same space (memory: limits of the first call). */
  space(name: string, limits: SpaceLimits): StoreSpace;
  /** Connects to Redis, if any (briefly: an unreachable one is logged and answers unavailable until it comes). */
  connect(): Promise<void>;
  close(): Promise<void>;
}

/** Where the state lives: Redis when `redisUrl` (REDIS_URL) is given, this process's memory otherwise. */
export interface SharedStateConfig {
  redisUrl?: string;
  /** Prefix of every key (default "ss12000-gw:state"); tests give each run its own. */
  keyPrefix?: string;
}

/** Redis did not answer (down, slow, not connected yet): the caller decides what it does without the state. */
export class SharedStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`shared state unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'SharedStoreUnavailableError';
  }
}

/** A space's key, joined once here so that no user builds its own (names and keys hold no ':' of their own meaning). */
export const spacedKey = (prefix: string, space: string, key: string): string => `${prefix}:${space}:${key}`;

/** A value's size as the limits count it. */
export const sizeOf = (value: string): number => Math.max(1, value.length);

/** `operation`'s answer, or `fallback` when the store is unavailable; any other error passes. */
export async function orWhenUnavailable<T, F>(operation: () => Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof SharedStoreUnavailableError) return fallback;
    throw error;
  }
}
