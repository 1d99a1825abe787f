import type { Collection } from '../dataset';
import { idsAt, splitPath } from './path';

/** Rows computed on demand from a numeric key; the key is encoded in the row's id. */
export interface LazySource<T> {
  /** How many rows the generator defines. */
  readonly count: number;
  /** Every key, in the stable order values() walks. */
  keys(): Iterable<number>;
  build(key: number): T;
  /** The key of a generated row, or undefined when the id is not one (foreign or malformed). */
  decode(id: string): number | undefined;
  /** Keys whose `field` equals `id`, when the source can answer that without a scan. */
  whereKeys(field: string, id: string): Iterable<number> | undefined;
  /** Whether a written row matches a `where` field the row does not carry itself (e.g. an attendance's organisation). */
  matches?(entity: T, field: string, id: string): boolean | undefined;
}

/**
 * A collection whose generated rows are never stored: `values()` recomputes them in key
 * order and `get(id)` decodes the key from the id. Writes (producers' POST/PUT/DELETE) go
 * into an overlay — replaced rows, deleted keys, and added rows with foreign ids — which
 * get/values/where and the aggregates all consult.
 * `where` answers for the fields the source indexes (see the source's `whereKeys`).
 */
export class LazyCollection<T extends { id: string }> implements Collection<T> {
  private readonly replaced = new Map<number, T>();
  private readonly deleted = new Set<number>();
  private readonly added = new Map<string, T>();

  constructor(readonly source: LazySource<T>) {}

  get size(): number {
    return this.source.count - this.deleted.size + this.added.size;
  }

  get(id: string): T | undefined {
    const key = this.source.decode(id);
    if (key === undefined) return this.added.get(id);
    if (this.deleted.has(key)) return undefined;
    return this.replaced.get(key) ?? this.source.build(key);
  }

  *values(): IterableIterator<T> {
    for (const key of this.source.keys()) {
      if (this.deleted.has(key)) continue;
      yield this.replaced.get(key) ?? this.source.build(key);
    }
    yield* this.added.values();
  }

  set(id: string, entity: T): this {
    const key = this.source.decode(id);
    if (key === undefined) {
      this.added.set(id, entity);
    } else {
      this.deleted.delete(key);
      this.replaced.set(key, entity);
    }
    return this;
  }

  delete(id: string): boolean {
    const key = this.source.decode(id);
    if (key === undefined) return this.added.delete(id);
    if (this.deleted.has(key)) return false;
    this.replaced.delete(key);
    this.deleted.add(key);
    return true;
  }

  where(field: string, id: string): Iterable<T> | undefined {
    const keys = this.source.whereKeys(field, id);
    if (keys === undefined) return undefined;
    return this.whereGenerated(keys, field, id);
  }

  /** True when a write replaced or deleted the generated row `key`: its generated values no longer count. */
  touches(key: number): boolean {
    return this.deleted.has(key) || this.replaced.has(key);
  }

  /** Rows written since generation (replacements and additions), for aggregates. */
  written(): Iterable<T> {
    return [...this.replaced.values(), ...this.added.values()];
  }

  get hasWrites(): boolean {
    return this.deleted.size + this.replaced.size + this.added.size > 0;
  }

  private *whereGenerated(keys: Iterable<number>, field: string, id: string): IterableIterator<T> {
    for (const key of keys) {
      if (!this.touches(key)) yield this.source.build(key);
    }
    // Written rows come after the generated ones: their field may have changed, so test it.
    const path = splitPath(field);
    for (const entity of this.written()) {
      if (this.source.matches?.(entity, field, id) ?? idsAt(entity, path).includes(id)) yield entity;
    }
  }
}
