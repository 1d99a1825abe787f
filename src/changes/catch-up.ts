// The one path by which changes enter the log, shared by the webhook receiver and the poller: a
// notification names only types, so the gateway reads `meta.modified.after=<watermark>` for them
// and `/deletedEntities?after=<watermark>` to learn which objects. Watermarks persist per producer
// and entity, so a restart (PostgreSQL) resumes where the last process stopped.
import { logger } from '../config/logger';
import { changesRecorded } from '../observability/metrics';
import type { ChangeSource } from '../sources';
import type { ChangeStore } from './store';
import type { ChangeRecord, NewChange } from './types';

/** Watermark key of /deletedEntities (asked for all the producer's entities at once). */
const DELETED = '#deleted';

// Read a little before the watermark: `after` is exclusive and clocks have milliseconds, so a row
// written in the same millisecond as the last one read would otherwise be missed. Rows read twice
// are recorded once (the store compares with the last change of the object).
const OVERLAP_MS = 2_000;

const before = (iso: string, ms: number): string => new Date(Date.parse(iso) - ms).toISOString();
const later = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);
const earlier = (a: string, b: string): string => (Date.parse(a) <= Date.parse(b) ? a : b);
// How far ahead of the gateway's clock a producer's meta.modified may be and still count as now.
const CLOCK_SKEW_MS = 60_000;

export class CatchUp {
  private running: Promise<void> | undefined;
  private wanted = new Set<string>();
  private stopped = false;

  constructor(
    private readonly store: ChangeStore,
    private readonly source: ChangeSource,
    private readonly onRecorded: (records: readonly ChangeRecord[]) => void,
  ) {}

  /** Marks every entity as read up to now where nothing was read before: the feed starts now, not with history. */
  async start(now = new Date().toISOString()): Promise<void> {
    for (const key of [...this.source.entities, DELETED]) {
      if ((await this.store.watermark(this.source.producer, key)) === undefined)
        await this.store.setWatermark(this.source.producer, key, now);
    }
  }

  /**
   * Reads what changed in `entities` (default: all of the producer's). Calls while one runs are
   * folded into one more run after it, so a burst of notifications costs two reads, not one each.
   */
  run(entities: readonly string[] = this.source.entities, deleted = true): Promise<void> {
    if (this.stopped) return Promise.resolve();
    for (const entity of entities) if (this.source.entities.includes(entity)) this.wanted.add(entity);
    if (deleted) this.wanted.add(DELETED);
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Takes no more runs and waits for the one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wanted.clear();
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.wanted.size > 0 && !this.stopped) {
      const batch = [...this.wanted];
      this.wanted = new Set();
      for (const key of batch) {
        try {
          const added = await (key === DELETED ? this.readDeleted() : this.readModified(key));
          if (added.length > 0) {
            changesRecorded.inc({ producer: this.source.producer, change: added[0]!.change }, added.length);
            this.onRecorded(added);
          }
        } catch (error) {
          // The watermark stays: the next notification or poll reads the same span again.
          logger.warn(
            { producer: this.source.producer, entity: key, reason: error instanceof Error ? error.message : String(error) },
            'change catch-up failed',
          );
        }
      }
    }
  }

  private async readModified(entity: string): Promise<ChangeRecord[]> {
    const { producer } = this.source;
    const askedAt = Date.now();
    const mark = (await this.store.watermark(producer, entity)) ?? new Date(askedAt).toISOString();
    let newest = mark;
    const added: ChangeRecord[] = [];
    for await (const rows of this.source.modifiedAfter(entity, before(mark, OVERLAP_MS))) {
      const changes: NewChange[] = rows
        // Rows dated ahead of the clock (producers do that) are recorded once their time has come.
        .filter((row) => Date.parse(row.modified) <= askedAt + CLOCK_SKEW_MS)
        .map((row) => ({ producer, type: row.entity, id: row.id, change: 'MODIFIED', at: new Date(row.modified).toISOString() }));
      for (const change of changes) newest = later(newest, change.at);
      added.push(...(await this.store.record(changes)));
    }
    // Never past the moment of asking: a row written later with an earlier stamp would be skipped.
    await this.store.setWatermark(producer, entity, earlier(newest, new Date(askedAt).toISOString()));
    return added;
  }

  private async readDeleted(): Promise<ChangeRecord[]> {
    const { producer } = this.source;
    const askedAt = new Date().toISOString();
    const mark = (await this.store.watermark(producer, DELETED)) ?? askedAt;
    const deleted = await this.source.deletedAfter(before(mark, OVERLAP_MS), this.source.entities);
    const added = await this.store.record(
      deleted.map(({ entity, id }) => ({ producer, type: entity, id, change: 'DELETED', at: askedAt })),
    );
    await this.store.setWatermark(producer, DELETED, askedAt);
    return added;
  }
}
