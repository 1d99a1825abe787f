// Reference lookups for filters, expansion and lookups: the dataset's own `where` index when
// it has one, otherwise a map built on first use (and dropped when the collection is written).
import type { Collection, Dataset } from '../dataset';
import type { ResourceName, ResourceTypes } from '../../ss12000/resources';
import { valuesAt } from './dotted';

export class Indexes {
  private readonly built = new Map<string, Map<string, unknown[]>>();
  /** Bumped on every write: cached query results and open page streams keyed by it go stale. */
  revision = 0;

  constructor(private readonly ds: Dataset) {}

  where<K extends ResourceName>(name: K, field: string, id: string): ResourceTypes[K][] {
    const collection = this.ds[name] as unknown as Collection<ResourceTypes[K]>;
    const own = collection.where?.(field, id);
    if (own) return [...own];
    return (this.index(name, field).get(id) ?? []) as ResourceTypes[K][];
  }

  /** Call after writing to a collection: its built indexes are stale. */
  invalidate(name: ResourceName): void {
    this.revision += 1;
    for (const key of this.built.keys()) if (key.startsWith(`${name}:`)) this.built.delete(key);
  }

  private index(name: ResourceName, field: string): Map<string, unknown[]> {
    const key = `${name}:${field}`;
    let index = this.built.get(key);
    if (!index) {
      index = new Map();
      for (const entity of (this.ds[name] as Collection<unknown>).values()) {
        for (const id of new Set(valuesAt(entity, field))) {
          if (typeof id !== 'string') continue;
          const bucket = index.get(id);
          if (bucket) bucket.push(entity);
          else index.set(id, [entity]);
        }
      }
      this.built.set(key, index);
    }
    return index;
  }
}
