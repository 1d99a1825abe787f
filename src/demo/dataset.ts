// The contract between the synthetic-municipality generator and the demo producers.
// The generator fills a Dataset; producers only read and write through these interfaces,
// so a collection may be a plain Map or a lazily computed one (per-lesson attendance at
// 100,000 students is tens of millions of rows and is never materialised).
import type { ResourceName, ResourceTypes } from '../ss12000/resources';
import type * as W from '../ss12000/wire';

// SchoolUnitOffering has no `id` in the spec, yet has /schoolUnitOfferings/{id}: the demo gives each one an id.
export interface Collection<T> {
  readonly size: number;
  get(id: string): T | undefined;
  /** Every entity, in a stable order (the order paging walks). */
  values(): IterableIterator<T>;
  /** Insert or replace; the caller has already set `meta.modified`. */
  set(id: string, entity: T): unknown;
  delete(id: string): boolean;
  /**
   * Entities whose reference field `field` (a dotted path to an `{id}` reference or an id
   * list, e.g. 'student.id', 'organisation.id', 'activity.id', 'person.id') equals `id`,
   * when the collection keeps an index for it; `undefined` means "no index: scan values()".
   */
  where?(field: string, id: string): Iterable<T> | undefined;
}

export interface AggregatedAttendanceQuery {
  /** Inclusive dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  organisation?: string;
  schoolType?: W.SchoolType[];
  student?: string[];
}

export type Dataset = { [K in ResourceName]: Collection<ResourceTypes[K]> } & {
  /**
   * One row per (activity, student) with any lesson in the window, summed from exactly the
   * per-lesson rows `attendances` serves (plus writes made since), in a stable order.
   */
  aggregatedAttendance(query: AggregatedAttendanceQuery): Iterable<W.AggregatedAttendance>;
  /** The seed and size the dataset was built from, for logs and the README. */
  readonly description: { seed: number; students: number; staff: number; schoolUnits: number };
};
