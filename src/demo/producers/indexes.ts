// Reference lookups for filters, expansion and lookups: the dataset's own `where` index when
// it has one, otherwise a map built on first use (and dropped when the collection is written).
import type { Collection, Dataset } from '../dataset';
import type { ResourceName, ResourceTypes } from '../../ss12000/resources';
import { valuesAt } from './dotted';

export class Indexes {
  private readonly built = new Map<string, Map<string, unknown[]>>();
  private readonly ranges = new Map<string, { at: Float64Array; ids: string[]; missing: string[] }>();
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
    for (const key of this.ranges.keys()) if (key.startsWith(`${name}:`)) this.ranges.delete(key);
  }

  /**
   * Entities whose time `field` lies in [from, to] (instants in ms), plus those without the
   * field (the filter decides about open ends). Saves building every lazily generated row
   * of /calendarEvents for a one-week window.
   */
  range<K extends ResourceName>(name: K, field: string, from: number, to: number): ResourceTypes[K][] {
    const key = `${name}:${field}:range`;
    let sorted = this.ranges.get(key);
    if (!sorted) {
      const rows: { at: number; id: string }[] = [];
      const missing: string[] = [];
      for (const entity of (this.ds[name] as Collection<{ id: string }>).values()) {
        const at = Date.parse(String(valuesAt(entity, field)[0]));
        if (Number.isNaN(at)) missing.push(entity.id);
        else rows.push({ at, id: entity.id });
      }
      rows.sort((a, b) => a.at - b.at);
      sorted = { at: Float64Array.from(rows, (r) => r.at), ids: rows.map((r) => r.id), missing };
      this.ranges.set(key, sorted);
    }
    const first = lowerBound(sorted.at, from);
    const end = lowerBound(sorted.at, to + 1e-3);
    const collection = this.ds[name] as unknown as Collection<ResourceTypes[K]>;
    const ids = [...sorted.ids.slice(first, end), ...sorted.missing];
    return ids.map((id) => collection.get(id)).filter((e): e is ResourceTypes[K] => e !== undefined);
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

/** First position whose value is >= `value`. */
const lowerBound = (values: Float64Array, value: number): number => {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
