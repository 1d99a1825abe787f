// Paging a summary: the first page computes it (fresh figures) and keeps the rows as a snapshot the
// later pages read, so walking 100,000 per-student rows costs one computation instead of one per
// page, and the pages agree with each other. A snapshot answers only a request with the same
// fingerprint (supplier, its units and privacy settings, the query's arguments): a cursor passed
// to another supplier, or used after that supplier's grant changed, reads nothing from it.
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Caller } from '../../../auth';
import type { Summary } from './summarise';

// Long enough to page through at an analyst's pace; short enough that figures are not kept stale.
const SNAPSHOT_TTL_MS = 10 * 60_000;
// About 200 bytes a row: at most ~100 MiB of snapshots. A summary larger than this is not kept
// (its later pages recompute).
const MAX_SNAPSHOT_ROWS = 500_000;

interface Snapshot {
  readonly fingerprint: string;
  readonly summary: Summary;
}

const snapshots = new LRUCache<string, Snapshot>({
  maxSize: MAX_SNAPSHOT_ROWS,
  sizeCalculation: (snapshot) => snapshot.summary.rows.length + 1,
  ttl: SNAPSHOT_TTL_MS,
});

// lru-cache drops an expired entry only when it is read or room is needed: sweep once a minute, so a
// burst of large summaries does not hold its memory until the next burst. Unref'd: never keeps the process up.
const SWEEP_MS = 60_000;
setInterval(() => snapshots.purgeStale(), SWEEP_MS).unref();

/** Kept snapshots (tests). */
export const snapshotCount = (): number => snapshots.size;

/** What a summary's rows depend on besides the producer's data. */
export const fingerprintOf = (caller: Caller, query: object): string =>
  JSON.stringify({
    supplier: caller.supplier,
    units: caller.units === 'all' ? 'all' : [...caller.units].sort(),
    protectedIdentities: caller.protectedIdentities,
    minGroupSize: caller.minGroupSize ?? null,
    query,
  });

/** Keeps the summary for later pages; the id goes into their cursors. */
export function keepSnapshot(fingerprint: string, summary: Summary): string {
  const id = randomUUID();
  snapshots.set(id, { fingerprint, summary });
  return id;
}

/** The kept summary, if it is still there and was computed for this very fingerprint. */
export function snapshotFor(id: string, fingerprint: string): Summary | undefined {
  const snapshot = snapshots.get(id);
  return snapshot?.fingerprint === fingerprint ? snapshot.summary : undefined;
}
