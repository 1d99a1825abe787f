// What the generic engine needs to know about one SS 12000 collection path beyond what the
// spec's parameter list says: how each filter matches, what each `expand` embeds, and which
// entities each lookup body field selects.
import type { Dataset } from '../dataset';
import type { ListName, ListTypes } from '../../ss12000/resources';
import type { Indexes } from './indexes';
import type { ParamValue, Query } from './query';

export interface EngineContext {
  readonly ds: Dataset;
  readonly indexes: Indexes;
}

/** A filter prepared for one query: `candidates` narrows the scan when an index can. */
export interface Matcher<T> {
  test(entity: T): boolean;
  candidates?(): Iterable<T>;
  /** Candidates from a time range: used only when no reference index narrows the query. */
  readonly broad?: boolean;
}

/** `query` is the whole query, for filters whose bounds come in pairs (X.onOrAfter + X.onOrBefore). */
export type FilterDef<T> = (value: ParamValue, ctx: EngineContext, query?: Query) => Matcher<T>;
export type Expander<T> = (entity: T, ctx: EngineContext) => unknown;
/** A lookup body field: each key it lists selects these entities. */
export type LookupDef<T> = (key: string, ctx: EngineContext) => Iterable<T>;

export interface PathDef<K extends ListName = ListName> {
  readonly name: K;
  /** Endpoint-specific filters keyed by query parameter name. Range filters on a plain field
   * (`startDate.onOrBefore`, `meta.modified.after` ...) are derived unless listed here. */
  readonly filters?: Record<string, FilterDef<ListTypes[K]>>;
  readonly expand?: Record<string, Expander<ListTypes[K]>>;
  /** Lookup body fields other than `ids`. */
  readonly lookup?: Record<string, LookupDef<ListTypes[K]>>;
  /** Parameters that only mean something together (persons' `relationship.*`). */
  readonly queryFilter?: {
    readonly params: readonly string[];
    match(query: Query, ctx: EngineContext): Matcher<ListTypes[K]> | undefined;
  };
}

export const definePath = <K extends ListName>(def: PathDef<K>): PathDef<K> => def;
