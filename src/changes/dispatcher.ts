// Turns the log into webhook deliveries, per supplier with a webhook: the entries after its cursor
// that it may see (visibility.ts) become one SS 12000 notification, queued in the store in the same
// step that moves the cursor (a crash between the two loses nothing and sends nothing twice). A new
// supplier starts at the log's end: it is told of what changes from now on.
import { fieldGrant, type Caller, type SuppliersConfig } from '../auth';
import { logger } from '../config/logger';
import type { RowScope, SourceClients } from '../sources';
import type { ChangeStore } from './store';
import { visibleChanges } from './visibility';
import { webhookBody } from './webhook-body';

const BATCH = 500;

export interface DispatcherDeps {
  store: ChangeStore;
  sourceClients: SourceClients;
  suppliers: () => SuppliersConfig;
  callerOf: (supplier: string) => Caller | undefined;
  /** Told when deliveries were queued. */
  onQueued: () => void;
}

/** The rows a supplier's reads would see, as the subgraphs build it from the signed caller. */
const rowScopeOf = (caller: Caller): RowScope => ({
  units: caller.units,
  protectedIdentities: caller.protectedIdentities,
  valueTypes: fieldGrant(caller.scopes).valueTypes,
});

export class Dispatcher {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly deps: DispatcherDeps) {}

  private stopped = false;

  /** Takes no more runs and waits for the one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Runs now, or once more after the run in progress. */
  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        for (const supplier of this.deps.suppliers().suppliers) {
          if (supplier.webhook === undefined) continue;
          try {
            await this.dispatch(supplier.name);
          } catch (error) {
            // The cursor stays: the next run tries the same entries.
            logger.warn(
              { supplier: supplier.name, reason: error instanceof Error ? error.message : String(error) },
              'change feed could not prepare a webhook',
            );
          }
        }
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async dispatch(supplier: string): Promise<void> {
    const { store } = this.deps;
    const caller = this.deps.callerOf(supplier);
    if (caller === undefined) return;
    let cursor = await store.supplierCursor(supplier);
    if (cursor === undefined) {
      await store.advance(supplier, undefined, await store.head(), undefined);
      return;
    }
    for (;;) {
      const batch = await store.after(cursor, BATCH);
      if (batch.length === 0) return;
      const sources = this.deps.sourceClients.forRequest(rowScopeOf(caller));
      const body = webhookBody(await visibleChanges(batch, caller, sources, store));
      const to = batch[batch.length - 1]!.seq;
      if (!(await store.advance(supplier, cursor, to, body))) return; // another process moved it
      if (body !== undefined) this.deps.onQueued();
      cursor = to;
      if (batch.length < BATCH) return;
    }
  }
}
