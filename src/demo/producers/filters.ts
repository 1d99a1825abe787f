// Filter building blocks shared by the path definitions.
import type { ResourceName, ResourceTypes } from '../../ss12000/resources';
import { valuesAt } from './dotted';
import type { EngineContext, FilterDef, LookupDef, Matcher } from './path-def';
import type { ParamValue, Query } from './query';

const list = (value: ParamValue): string[] => (Array.isArray(value) ? value : [String(value)]);

/** Entity's reference `field` equals the id (or one of the ids); narrowed through the index of `name`. */
export const refIn =
  <K extends ResourceName>(name: K, field: string): FilterDef<ResourceTypes[K]> =>
  (value, ctx) => {
    const ids = new Set(list(value));
    return {
      test: (e) => valuesAt(e, field).some((v) => ids.has(v as string)),
      candidates: () => unique([...ids].flatMap((id) => ctx.indexes.where(name, field, id))),
    };
  };

/** Entity's (possibly multi-valued) `field` equals the value or one of the values. No index. */
export const valueIn =
  <T>(field: string): FilterDef<T> =>
  (value) => {
    const wanted = new Set(list(value));
    return { test: (e) => valuesAt(e, field).some((v) => wanted.has(String(v))) };
  };

/** Selects entities whose prepared matcher accepts them: the set a computed filter stands for. */
export const matcherSet = <T>(matcher: Matcher<T>, all: () => Iterable<T>): T[] =>
  [...(matcher.candidates?.() ?? all())].filter((e) => matcher.test(e));

/** A lookup field that means "what this list filter would select for each key". */
export const lookupBy =
  <K extends ResourceName>(name: K, filter: FilterDef<ResourceTypes[K]>): LookupDef<ResourceTypes[K]> =>
  (key: string, ctx: EngineContext) =>
    matcherSet(filter(key, ctx), () => (ctx.ds[name] as { values(): IterableIterator<ResourceTypes[K]> }).values());

/** Dedupes by id: lazily generated rows are new objects on every read, so identity means nothing. */
export const unique = <T>(items: Iterable<T>): T[] => {
  const seen = new Map<unknown, T>();
  for (const item of items) {
    const key = (item as { id?: unknown }).id ?? item;
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.values()];
};

const isDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Compares dates as strings and date-times as instants (offsets differ between producers). */
export const compareTime = (a: string, b: string): number =>
  isDate(a) && isDate(b) ? (a < b ? -1 : a > b ? 1 : 0) : Date.parse(a) - Date.parse(b);

const RANGE = /^(.+)\.(onOrBefore|onOrAfter|before|after)$/;

/**
 * `X.onOrBefore|onOrAfter` (inclusive) and `meta.*.before` (inclusive) / `.after` (exclusive)
 * on a plain field. An open end (no endDate) lasts for ever; a missing startDate began for ever ago.
 */
export function rangeFilter<T>(param: string, collection?: ResourceName): FilterDef<T> | undefined {
  const m = RANGE.exec(param);
  if (!m) return undefined;
  const [, field, op] = m as unknown as [string, string, string];
  const openEnd = field.endsWith('endDate') || field.endsWith('endTime');
  const openStart = field.endsWith('startDate');
  const bound = (query: Query | undefined, ...names: string[]): number | undefined => {
    const given = names.map((n) => query?.[`${field}.${n}`]).find((v) => typeof v === 'string');
    return given === undefined ? undefined : Date.parse(String(given));
  };
  return (value, ctx, query) => ({
    broad: true,
    candidates: collection
      ? () =>
          ctx.indexes.range(
            collection,
            field,
            bound(query, 'onOrAfter', 'after') ?? Number.NEGATIVE_INFINITY,
            bound(query, 'onOrBefore', 'before') ?? Number.POSITIVE_INFINITY,
          ) as T[]
      : undefined,
    test: (e) => {
      const v = valuesAt(e, field)[0];
      if (typeof v !== 'string') return (openEnd && op === 'onOrAfter') || (openStart && op === 'onOrBefore');
      const c = compareTime(v, String(value));
      return op === 'onOrBefore' || op === 'before' ? c <= 0 : op === 'onOrAfter' ? c >= 0 : c > 0;
    },
  });
}
