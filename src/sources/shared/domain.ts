// What the gateway asks of one producer beyond plain lists and id lookups: the reverse lookups
// ("every R whose <field> is <key>") and, per field, how the producer can answer them. Every one goes
// through the request's loaders (loader-factory.ts): keys asked for in the same tick share the
// fewest requests the spec allows, and each key gets only the rows whose own references name it.
import type { ProducerName, ResourceName, ResourceTypes } from '../../ss12000/resources';

export type ReverseLookup<T> =
  /**
   * `POST /X/lookup {<field>: keys}`, and rows name their key: one call for many keys, rows split back by `keysOf`.
   * With `expand`, the lookup is sent with `?expand=` so that rows carry what names their keys (e.g. an
   * activity's groups with their memberships); `_embedded` is read by `keysOf` and removed before rows are handed on.
   */
  | { readonly via: 'lookup'; readonly keysOf: (row: T) => readonly (string | undefined)[]; readonly expand?: readonly string[] }
  /** `POST /X/lookup {<field>: [key]}`: rows do not say which key matched. One call per key. */
  | { readonly via: 'lookup'; readonly keysOf?: undefined; readonly expand?: undefined }
  /**
   * `GET /X?<field>=a&<field>=b…`, every page: the spec declares the list filter an array. One walk per
   * page of keys (at most MAX_KEYS_PER_LIST, the ids travel in the URL), rows split back by `keysOf`.
   */
  | { readonly via: 'list'; readonly keysOf: (row: T) => readonly (string | undefined)[] }
  /** `GET /X?<field>=key`, every page: the filter takes one value. One walk per distinct key, in parallel within the producer's concurrency limit. */
  | { readonly via: 'list'; readonly keysOf?: undefined };

export type ReverseLookups = { readonly [R in ResourceName]?: Readonly<Record<string, ReverseLookup<ResourceTypes[R]>>> };

/** Rows of one collection compared by the order the domain gives them. */
export type RowOrder = (a: Record<string, unknown>, b: Record<string, unknown>) => number;

export interface DomainSpec {
  readonly producer: ProducerName;
  readonly reverseLookups: ReverseLookups;
  /**
   * The order a reverse link's rows are handed on in, where the domain has one (a lesson by its start,
   * an absence by its start). SS 12000 promises no order of a lookup's or a list's rows, so the producer's
   * is not kept; collections not named here keep it.
   */
  readonly order?: { readonly [R in ResourceName]?: RowOrder };
}

const timeOf = (row: Record<string, unknown>, property: string): number => {
  const value = row[property];
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
};

/**
 * Earliest first by a date-time or date property of the row. A row without a readable one (the
 * tolerant reader left an unreadable value out) comes last; ties keep the producer's order (the sort is stable).
 */
export const byTime =
  (property: string): RowOrder =>
  (a, b) => {
    const left = timeOf(a, property);
    const right = timeOf(b, property);
    if (Number.isNaN(left) || Number.isNaN(right)) return Number.isNaN(left) ? (Number.isNaN(right) ? 0 : 1) : -1;
    return left - right;
  };

export const batchedBy = <T>(keysOf: (row: T) => readonly (string | undefined)[], expand?: readonly string[]): ReverseLookup<T> =>
  expand === undefined ? { via: 'lookup', keysOf } : { via: 'lookup', keysOf, expand };
export const perKey: { readonly via: 'lookup'; readonly keysOf?: undefined; readonly expand?: undefined } = { via: 'lookup' };
/** A list filter the spec declares as an array: many keys per walk. */
export const listFilterMany = <T>(keysOf: (row: T) => readonly (string | undefined)[]): ReverseLookup<T> => ({ via: 'list', keysOf });
/** A list filter taking one value: one walk per key. */
export const listFilter: { readonly via: 'list'; readonly keysOf?: undefined } = { via: 'list' };
