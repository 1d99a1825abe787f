import type { Logger } from 'pino';
import type { Caller } from '../../auth';
import type { Seal } from '../../lib/seal';
import type { Sources } from '../../sources';
import type { SharedStore } from '../../state';

/** What every subgraph resolver receives. Built per GraphQL request: the sources cache per request. */
export interface SubgraphContext {
  sources: Sources;
  /** Who asks, as the gateway signed it (verified before anything runs). */
  caller: Caller;
  /** State this subgraph's replicas share (summary snapshots): Redis with REDIS_URL, else this process's memory. */
  shared: SharedStore;
  /** Seals the cursors a resolver issues itself (a summary's): keyed from ALIAS_SECRET, so every replica opens the others'. */
  cursorSeal: Seal;
  /** What mutations need; only a subgraph that has mutations (attendance) is given it. */
  writes?: WriteServices;
}

/** Long-lived, per subgraph process: the idempotency store and where the write audit lines go. */
export interface WriteServices {
  readonly idempotency: IdempotencyStore;
  /** One line per write: supplier, operation, entity type, id; never personal data. */
  readonly audit: Logger;
}

/** What a claim on an idempotency key found. */
export type IdempotencyClaim =
  | { readonly state: 'claimed' }
  | { readonly state: 'pending'; readonly digest: string }
  | { readonly state: 'done'; readonly digest: string; readonly result: unknown };

/**
 * Idempotency keys with the digest of the request that first used each and, once it is written, its
 * result (src/gateway/idempotency-store.ts: memory, or Redis shared by replicas). `key` is already
 * the supplier's (a digest of supplier and key).
 */
export interface IdempotencyStore {
  /** Takes `key` for a write of `digest` when it is free; otherwise what holds it. */
  claim(key: string, digest: string): Promise<IdempotencyClaim>;
  /** The write under `key` succeeded: later claims get `result`. */
  complete(key: string, digest: string, result: unknown): Promise<void>;
  /** The write under `key` failed: the key is free again (nothing was stored by it). */
  release(key: string): Promise<void>;
  close(): Promise<void>;
}
