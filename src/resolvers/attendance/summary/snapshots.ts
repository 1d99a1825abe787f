// Paging a summary: the first page computes it (fresh figures) and keeps the rows as a snapshot the
// later pages read, so walking 100,000 per-student rows costs one computation instead of one per
// page, and the pages agree with each other. Snapshots live in the shared store (src/state): in Redis
// when REDIS_URL is set, so the next page may be served by another replica of this subgraph without
// recomputing; in this process's memory otherwise.
//
// A snapshot answers only a request with the same fingerprint (supplier, its units and privacy
// settings, the query's arguments): its key names the supplier and a digest of the fingerprint, and the
// fingerprint kept inside it is compared on every read. A supplier whose grant changed reads nothing
// from what it was given before.
//
// Without the store (Redis down or slow) a page is not refused: it is computed again. The snapshot is a
// cache; the cursor alone (sealed: paging.ts) says where the page starts, so the answer is the same
// figures, at the cost of the computation the store would have saved. Counted and logged by the store.
import { createHash, randomUUID } from 'node:crypto';
import type { Caller } from '../../../auth';
import { orWhenUnavailable, type SharedStore, type SpaceLimits, type StoreSpace } from '../../../state';
import { decodeHead, decodeRows, encodeHead, encodeRows, type SnapshotHead } from './snapshot-codec';
import type { Summary, SummaryRow } from './summarise';

// Bump when the codec changes: a replica of the new version never reads what the old one wrote.
const SPACE = 'summary:v1';
// Rows per stored chunk: a page (first ≤ 1000) reads the head and at most two chunks, not the whole summary.
const CHUNK_ROWS = 1000;
// A summary with more rows than this is not kept (its later pages recompute).
const MAX_SNAPSHOT_ROWS = 500_000;
const LIMITS: SpaceLimits = {
  // Long enough to page through at an analyst's pace; short enough that figures are not kept stale.
  ttlMs: 10 * 60_000,
  // A chunk of 1,000 rows is about 80 KB; a row key is an id.
  maxEntryChars: 1024 * 1024,
  // Memory only: about as much as 500,000 rows (~100 MiB); least recently used go first.
  maxChars: 100 * 1024 * 1024,
};

/** What a summary's rows depend on besides the producer's data. */
export const fingerprintOf = (caller: Caller, query: object): string =>
  JSON.stringify({
    supplier: caller.supplier,
    units: caller.units === 'all' ? 'all' : [...caller.units].sort(),
    protectedIdentities: caller.protectedIdentities,
    minGroupSize: caller.minGroupSize ?? null,
    query,
  });

/** Rows offset..offset+count of a kept summary, and what the connection says beside them. */
export interface SnapshotPage extends Omit<SnapshotHead, 'fingerprint'> {
  readonly rows: readonly SummaryRow[];
}

export class SummarySnapshots {
  private readonly space: StoreSpace;

  constructor(store: SharedStore) {
    this.space = store.space(SPACE, LIMITS);
  }

  /** Keeps the summary for later pages; the id goes into their cursors. Undefined when it was not kept (too large, store unavailable). */
  async keep(supplier: string, fingerprint: string, summary: Summary): Promise<string | undefined> {
    if (summary.rows.length > MAX_SNAPSHOT_ROWS) return undefined;
    const id = randomUUID();
    const key = keyOf(supplier, fingerprint, id);
    const entries: [string, string][] = [];
    for (let chunk = 0; chunk * CHUNK_ROWS < summary.rows.length; chunk++) {
      entries.push([`${key}:${chunk}`, encodeRows(summary.rows.slice(chunk * CHUNK_ROWS, (chunk + 1) * CHUNK_ROWS))]);
    }
    entries.push([`${key}:head`, encodeHead(fingerprint, summary)]);
    const kept = await orWhenUnavailable(() => this.space.setMany(entries), false);
    return kept ? id : undefined;
  }

  /** The kept rows from `offset`, if the snapshot is still there, whole, and was computed for this very fingerprint. */
  async read(supplier: string, fingerprint: string, id: string, offset: number, count: number): Promise<SnapshotPage | undefined> {
    const key = keyOf(supplier, fingerprint, id);
    const [headText] = await orWhenUnavailable(() => this.space.getMany([`${key}:head`]), []);
    const head = headText === undefined ? undefined : decodeHead(headText);
    if (head === undefined || head.fingerprint !== fingerprint) return undefined;
    const { fingerprint: _kept, ...figures } = head;
    const end = Math.min(offset + count, head.rowCount);
    if (offset >= end) return { ...figures, rows: [] };
    const first = Math.floor(offset / CHUNK_ROWS);
    const chunkKeys = Array.from({ length: Math.floor((end - 1) / CHUNK_ROWS) - first + 1 }, (_, i) => `${key}:${first + i}`);
    const texts = await orWhenUnavailable(() => this.space.getMany(chunkKeys), undefined);
    const rows: SummaryRow[] = [];
    for (const text of texts ?? [undefined]) {
      // A chunk evicted before its head (Redis under memory pressure) or unreadable: a miss.
      const chunk = text === undefined ? undefined : decodeRows(text);
      if (chunk === undefined) return undefined;
      rows.push(...chunk);
    }
    const skip = offset - first * CHUNK_ROWS;
    return { ...figures, rows: rows.slice(skip, skip + end - offset) };
  }
}

/** The supplier in clear (an operator can find and drop its entries), the rest of the fingerprint as a digest. */
const keyOf = (supplier: string, fingerprint: string, id: string): string =>
  `${supplier}:${createHash('sha256').update(fingerprint).digest('base64url')}:${id}`;
