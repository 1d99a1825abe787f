import type { Collection } from '../dataset';
import { idsAt, splitPath } from './path';

export type IndexedField = string | readonly [name: string, path: string];

/**
 * A materialised collection: a Map (insertion order is the stable paging order) plus one
 * index per `where` field named at construction, kept current on set/delete.
 * The supported `where` fields are exactly the indexed fields given; any other field answers
 * `undefined` ("scan values()"), as the Collection contract says.
 * Entities share reference objects ({id}) to save memory: treat them as immutable.
 */
export class MapCollection<T extends { id: string }> implements Collection<T> {
  private readonly items = new Map<string, T>();
  private readonly indexes = new Map<string, { path: string[]; byId: Map<string, Set<string>> }>();
  private readonly unique: { path: string[]; byId: Map<string, Set<string>> }[];

  /** A field is a dotted path, or [name, path] to answer `where(name)` from another path (e.g. ['organisation.id', 'dutyAt.id']). */
  constructor(indexedFields: readonly IndexedField[] = []) {
    const byPath = new Map<string, { path: string[]; byId: Map<string, Set<string>> }>();
    for (const field of indexedFields) {
      const [name, path] = typeof field === 'string' ? [field, field] : field;
      const index = byPath.get(path) ?? { path: splitPath(path), byId: new Map() };
      byPath.set(path, index);
      this.indexes.set(name, index);
    }
    this.unique = [...byPath.values()];
  }

  get size(): number {
    return this.items.size;
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  set(id: string, entity: T): this {
    this.unindex(id);
    this.items.set(id, entity);
    for (const { path, byId } of this.unique) {
      for (const key of idsAt(entity, path)) {
        let ids = byId.get(key);
        if (!ids) byId.set(key, (ids = new Set()));
        ids.add(id);
      }
    }
    return this;
  }

  delete(id: string): boolean {
    this.unindex(id);
    return this.items.delete(id);
  }

  where(field: string, id: string): Iterable<T> | undefined {
    const index = this.indexes.get(field);
    if (!index) return undefined;
    const ids = index.byId.get(id);
    return ids ? [...ids].map((key) => this.items.get(key) as T) : [];
  }

  private unindex(id: string): void {
    const old = this.items.get(id);
    if (!old) return;
    for (const { path, byId } of this.unique) {
      for (const key of idsAt(old, path)) byId.get(key)?.delete(id);
    }
  }
}

/** Fills a collection in order. */
export const collectionOf = <T extends { id: string }>(
  items: Iterable<T>,
  indexedFields: readonly IndexedField[] = [],
): MapCollection<T> => {
  const collection = new MapCollection<T>(indexedFields);
  for (const item of items) collection.set(item.id, item);
  return collection;
};
