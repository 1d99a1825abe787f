// The change feed's state in memory: the embedded demo's store. Lost on restart by design; a
// deployment that must not lose changes sets DATABASE_URL (pg-store.ts).
import { objectKey, type ChangeStore } from './store';
import type { ChangeRecord, Delivery, HeldSubscription, NewChange } from './types';

interface HeldDelivery extends Omit<Delivery, 'attempts'> {
  attempts: number;
  next: number;
  done: boolean;
  lastError?: string;
}

// Entries kept: the feed is for catching up, not an archive; the oldest go first.
const MAX_ENTRIES = 100_000;

export class MemoryChangeStore implements ChangeStore {
  private readonly log: ChangeRecord[] = [];
  private seq = 0;
  private readonly last = new Map<string, { change: string; at: string }>();
  private readonly watermarks = new Map<string, string>();
  private readonly subscriptions = new Map<string, HeldSubscription>();
  private readonly seenBy = new Map<string, Set<string>>();
  private readonly cursors = new Map<string, number>();
  private readonly deliveries = new Map<number, HeldDelivery>();
  private deliverySeq = 0;

  async record(changes: readonly NewChange[]): Promise<ChangeRecord[]> {
    const added: ChangeRecord[] = [];
    for (const change of changes) {
      const key = objectKey(change);
      const previous = this.last.get(key);
      if (previous && previous.change === change.change && (change.change === 'DELETED' || previous.at === change.at)) continue;
      this.last.set(key, { change: change.change, at: change.at });
      const record = { ...change, seq: ++this.seq };
      this.log.push(record);
      added.push(record);
    }
    if (this.log.length > MAX_ENTRIES) this.log.splice(0, this.log.length - MAX_ENTRIES);
    return added;
  }

  async after(seq: number, limit: number): Promise<ChangeRecord[]> {
    const start = this.log.findIndex((record) => record.seq > seq);
    return start < 0 ? [] : this.log.slice(start, start + limit);
  }

  async head(): Promise<number> {
    return this.seq;
  }

  async watermark(producer: string, type: string): Promise<string | undefined> {
    return this.watermarks.get(`${producer}/${type}`);
  }

  async setWatermark(producer: string, type: string, at: string): Promise<void> {
    this.watermarks.set(`${producer}/${type}`, at);
  }

  async subscription(producer: string): Promise<HeldSubscription | undefined> {
    return this.subscriptions.get(producer);
  }

  async setSubscription(producer: string, subscription: HeldSubscription | undefined): Promise<void> {
    if (subscription) this.subscriptions.set(producer, subscription);
    else this.subscriptions.delete(producer);
  }

  async markSeen(supplier: string, objects: readonly { type: string; id: string }[]): Promise<void> {
    const set = this.seenBy.get(supplier) ?? new Set<string>();
    for (const object of objects) set.add(objectKey(object));
    this.seenBy.set(supplier, set);
  }

  async seen(supplier: string, objects: readonly { type: string; id: string }[]): Promise<ReadonlySet<string>> {
    const set = this.seenBy.get(supplier);
    return new Set(objects.map(objectKey).filter((key) => set?.has(key) === true));
  }

  async supplierCursor(supplier: string): Promise<number | undefined> {
    return this.cursors.get(supplier);
  }

  async advance(supplier: string, from: number | undefined, to: number, body: string | undefined): Promise<boolean> {
    if (this.cursors.get(supplier) !== from) return false;
    this.cursors.set(supplier, to);
    if (body !== undefined) {
      const id = ++this.deliverySeq;
      this.deliveries.set(id, { id, supplier, body, attempts: 0, next: 0, done: false });
    }
    return true;
  }

  async due(limit: number, leaseMs: number): Promise<Delivery[]> {
    const now = Date.now();
    const taken: Delivery[] = [];
    for (const delivery of this.deliveries.values()) {
      if (taken.length >= limit) break;
      if (delivery.done || delivery.next > now) continue;
      delivery.next = now + leaseMs;
      taken.push({ id: delivery.id, supplier: delivery.supplier, body: delivery.body, attempts: delivery.attempts });
    }
    return taken;
  }

  async delivered(id: number): Promise<void> {
    this.deliveries.delete(id);
  }

  async failed(id: number, error: string, next: Date | undefined): Promise<void> {
    const delivery = this.deliveries.get(id);
    if (!delivery) return;
    delivery.attempts += 1;
    delivery.lastError = error;
    if (next === undefined) delivery.done = true;
    else delivery.next = next.getTime();
  }

  async pending(supplier?: string): Promise<number> {
    return [...this.deliveries.values()].filter((d) => !d.done && (supplier === undefined || d.supplier === supplier)).length;
  }

  async close(): Promise<void> {}
}
