// Where the change feed's state lives: the log, watermarks, producer subscriptions, per-supplier
// cursors and webhook deliveries. PostgreSQL when DATABASE_URL is set (pg-store.ts: survives a
// restart, shared by replicas), memory otherwise (memory-store.ts: the embedded demo).
import type { ChangeRecord, Delivery, HeldSubscription, NewChange } from './types';

export interface ChangeStore {
  /**
   * Appends the changes that differ from the last one recorded for the same object (a re-read row with
   * the same meta.modified, or a deletion reported again, is not a new change). Returns what was added.
   */
  record(changes: readonly NewChange[]): Promise<ChangeRecord[]>;
  /** Log entries after `seq`, oldest first, at most `limit`. */
  after(seq: number, limit: number): Promise<ChangeRecord[]>;
  /** The last seq in the log (0 when empty). */
  head(): Promise<number>;

  /** Up to where a producer's entity has been read (meta.modified, or the time /deletedEntities was asked). */
  watermark(producer: string, type: string): Promise<string | undefined>;
  setWatermark(producer: string, type: string, at: string): Promise<void>;

  subscription(producer: string): Promise<HeldSubscription | undefined>;
  setSubscription(producer: string, subscription: HeldSubscription | undefined): Promise<void>;

  /** Which objects a supplier has been shown modified: a deletion is shown only to those (visibility.ts). */
  markSeen(supplier: string, objects: readonly { type: string; id: string }[]): Promise<void>;
  seen(supplier: string, objects: readonly { type: string; id: string }[]): Promise<ReadonlySet<string>>;

  /** A supplier's webhook cursor: the log up to here has been turned into deliveries. */
  supplierCursor(supplier: string): Promise<number | undefined>;
  /**
   * Moves the cursor from `from` to `to` and, with it, queues `body` (when given) for delivery, as one
   * step: false when another process moved it first (nothing queued).
   */
  advance(supplier: string, from: number | undefined, to: number, body: string | undefined): Promise<boolean>;

  /** Deliveries due now, each leased for `leaseMs` (another process does not take them meanwhile). */
  due(limit: number, leaseMs: number): Promise<Delivery[]>;
  delivered(id: number): Promise<void>;
  /** A failed attempt: tried again at `next`, or given up (`next` undefined). */
  failed(id: number, error: string, next: Date | undefined): Promise<void>;
  /** Deliveries not yet delivered nor given up (a figure for tests and metrics). */
  pending(supplier?: string): Promise<number>;

  close(): Promise<void>;
}

/** The key a (type, id) pair is known by in sets. */
export const objectKey = (object: { type: string; id: string }): string => `${object.type}:${object.id}`;
