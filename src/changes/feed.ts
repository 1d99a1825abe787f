// A supplier's page of the change feed: log entries after its cursor, filtered by what it may see
// (visibility.ts), `first` at most. Entries it may not see still move the cursor on, so its next
// page does not read them again.
import type { Caller } from '../auth';
import type { Sources } from '../sources';
import type { ChangeStore } from './store';
import type { ChangeRecord } from './types';
import { visibleChanges } from './visibility';

export interface FeedPage {
  readonly entries: readonly ChangeRecord[];
  /** The position the next page starts after. */
  readonly end: number;
  /** More entries may follow now (false: the log's end was reached). */
  readonly hasNextPage: boolean;
}

// Log entries looked at per page at most, visible or not: a supplier that sees little of a busy log
// gets an empty page with hasNextPage and a cursor further on, never a request that reads all of it.
const MAX_SCANNED = 5_000;
const BATCH = 500;

export async function readFeed(
  store: ChangeStore,
  caller: Pick<Caller, 'supplier' | 'scopes'>,
  sources: Sources,
  options: { after: number; first: number; types?: ReadonlySet<string> },
): Promise<FeedPage> {
  const entries: ChangeRecord[] = [];
  let position = options.after;
  let scanned = 0;
  while (scanned < MAX_SCANNED) {
    const batch = await store.after(position, BATCH);
    if (batch.length === 0) return { entries, end: position, hasNextPage: false };
    scanned += batch.length;
    const visible = await visibleChanges(batch, caller, sources, store, options.types);
    for (const entry of visible) {
      entries.push(entry);
      if (entries.length === options.first) return { entries, end: entry.seq, hasNextPage: true };
    }
    position = batch[batch.length - 1]!.seq;
    if (batch.length < BATCH) return { entries, end: position, hasNextPage: false };
  }
  return { entries, end: position, hasNextPage: true };
}
