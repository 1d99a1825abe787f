// The batch functions behind the loaders: by id over `POST /X/lookup {ids}` (or GET /X/{id}),
// and reverse lookups. Each answers per key, in key order.
import { RESOURCES, type ResourceName } from '../../ss12000/resources';
import type { ReverseLookup } from './domain';
import { isUpstreamUnsupported } from './capabilities';
import { isUpstreamRejected } from './errors';
import { checkLookupRows, reportMismatch } from './filter-checks';
import { walkPages, type ListContext } from './list';
import type { BatchFn } from './loader-factory';
import type { QueryValue } from './query';
import { eachKey, splitBatch } from './split-batch';
import { droppedRows } from './tolerant-reader';

type Row = Record<string, unknown>;

const expandQuery = (expand: readonly string[], referenceNames = false) => ({
  ...(expand.length > 0 ? { expand } : {}),
  ...(referenceNames ? { expandReferenceNames: true } : {}),
});

/** `POST /X/lookup`: a bare array, no paging. */
async function lookup(
  ctx: ListContext,
  name: ResourceName,
  body: Record<string, readonly string[]>,
  expand: readonly string[],
  referenceNames = false,
): Promise<Row[]> {
  const path = `${RESOURCES[name].path}/lookup`;
  const answer = await ctx.http.json({ method: 'POST', path, query: expandQuery(expand, referenceNames), body });
  let rows = ctx.checker.array(name, `POST ${path}`, answer) as Row[];
  // Every row must match some asked key where the row can tell (filter-checks.ts): one body field per call here.
  for (const [field, keys] of Object.entries(body))
    rows = checkLookupRows({ producer: ctx.http.producer, route: `POST ${path}` }, name, field, keys, rows);
  return rows;
}

async function getById(
  ctx: ListContext,
  name: ResourceName,
  id: string,
  expand: readonly string[],
  referenceNames: boolean,
): Promise<Row | null> {
  const { path } = RESOURCES[name];
  try {
    const answer = await ctx.http.json({
      method: 'GET',
      path: `${path}/${encodeURIComponent(id)}`,
      route: `${path}/{id}`,
      query: expandQuery(expand, referenceNames),
    });
    const row = ctx.checker.one(name, `GET ${path}/{id}`, answer) as Row;
    // Another object than the one asked for is as wrong as another student's rows.
    if (typeof row.id === 'string' && row.id.toLowerCase() === id.toLowerCase()) return row;
    reportMismatch({ producer: ctx.http.producer, route: `GET ${path}/{id}` }, 'id', row);
    return null;
  } catch (error) {
    if (isUpstreamRejected(error) && error.status === 404) return null;
    throw error;
  }
}

async function allRows(ctx: ListContext, name: ResourceName, query: Record<string, QueryValue>): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const page of walkPages(ctx, name, query)) rows.push(...(page as Row[]));
  return rows;
}

export function byIds(ctx: ListContext, name: ResourceName, expand: readonly string[], referenceNames = false): BatchFn<Row | null> {
  // Without a lookup: one GET per distinct id, in parallel within the client's concurrency limit.
  const perId: BatchFn<Row | null> = (ids) => eachKey(ids, (id) => getById(ctx, name, id, expand, referenceNames));
  const { path, hasLookup } = RESOURCES[name];
  if (!hasLookup) return perId;
  return async (ids) => {
    if (ctx.capabilities?.hasLookup(path) === false) return perId(ids);
    try {
      return await byLookup(ctx, name, expand, referenceNames, ids);
    } catch (error) {
      // The producer answered 404/405 to the lookup: capabilities has learned it, this batch goes by id.
      if (isUpstreamUnsupported(error) && ctx.capabilities?.hasLookup(path) === false) return perId(ids);
      throw error;
    }
  };
}

function byLookup(ctx: ListContext, name: ResourceName, expand: readonly string[], referenceNames: boolean, ids: readonly string[]) {
  return splitBatch(ids, async (part) => {
    const rows = await lookup(ctx, name, { ids: part }, expand, referenceNames);
    const byId = new Map<unknown, Row>(rows.map((row) => [row.id, row]));
    // A row the tolerant reader left out answers its key with the error; one without a readable id, every key not found.
    const dropped = droppedRows(rows);
    if (dropped.length === 0) return part.map((id) => byId.get(id) ?? null);
    const errorOf = new Map(dropped.map((row) => [row.id, row.error]));
    const unplaced = dropped.find((row) => row.id === undefined)?.error ?? null;
    return part.map((id) => byId.get(id) ?? errorOf.get(id) ?? unplaced);
  });
}

// Ids travel in the query string of a list walk: keep URLs well under common 8 KB limits.
export const MAX_KEYS_PER_LIST = 100;

type KeysOf = (row: Row) => readonly (string | undefined)[];

/**
 * Rows given to every asked key the row itself names (a row may name several); never by position.
 * A row naming none of the asked keys answers no one, and is counted as a filter mismatch.
 */
function groupByKey(
  origin: Parameters<typeof reportMismatch>[0],
  field: string,
  keys: readonly string[],
  rows: readonly Row[],
  keysOf: KeysOf,
): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    let placed = false;
    for (const key of new Set(keysOf(row))) {
      const group = key === undefined ? undefined : groups.get(key);
      if (group) {
        group.push(row);
        placed = true;
      }
    }
    if (!placed) reportMismatch(origin, field, row);
  }
  return keys.map((key) => groups.get(key) as Row[]);
}

/** A row as the caller would have had it without the `expand` sent only to split rows by key. */
const withoutEmbedded = (row: Row): Row => {
  if (!('_embedded' in row)) return row;
  const { _embedded: _, ...rest } = row;
  return rest;
};

const chunks = (keys: readonly string[], size: number): string[][] => {
  const parts: string[][] = [];
  for (let i = 0; i < keys.length; i += size) parts.push(keys.slice(i, i + size));
  return parts;
};

export function byField(ctx: ListContext, name: ResourceName, field: string, how: ReverseLookup<never>): BatchFn<Row[]> {
  const keysOf = how.keysOf as KeysOf | undefined;
  const { path } = RESOURCES[name];
  const listOrigin = { producer: ctx.http.producer, route: `GET ${path}` };
  const lookupOrigin = { producer: ctx.http.producer, route: `POST ${path}/lookup` };
  if (how.via === 'list') {
    // One value per walk: one walk per distinct key, in parallel (the HTTP client bounds concurrency).
    if (!keysOf) return (keys) => eachKey(keys, (key) => allRows(ctx, name, { [field]: key }));
    // The filter takes many values: one walk per page of keys; the walk's rows are checked against them (list.ts).
    const walk = (part: readonly string[]) =>
      splitBatch(part, async (some) => groupByKey(listOrigin, field, some, await allRows(ctx, name, { [field]: [...some] }), keysOf));
    return async (keys) => (await Promise.all(chunks(keys, MAX_KEYS_PER_LIST).map(walk))).flat();
  }
  const perKeyLookups: BatchFn<Row[]> = (keys) => eachKey(keys, (key) => lookup(ctx, name, { [field]: [key] }, []));
  if (!keysOf) return perKeyLookups;
  const expand = how.via === 'lookup' && how.expand !== undefined ? [...how.expand] : [];
  return async (keys) => {
    let ignoredExpand = false;
    const answers = await splitBatch(keys, async (part) => {
      const rows = await lookup(ctx, name, { [field]: part }, expand);
      if (expand.length === 0) return groupByKey(lookupOrigin, field, part, rows, keysOf);
      // A producer that ignores `expand` (or embeds without what names the keys) sends rows that cannot
      // say whose they are: ask again per key rather than give anyone nothing.
      if (rows.some((row) => !keysOf(row).some((key) => key !== undefined))) {
        ignoredExpand = true;
        return part.map(() => [] as Row[]);
      }
      return groupByKey(lookupOrigin, field, part, rows, keysOf).map((rowsOfKey) => rowsOfKey.map(withoutEmbedded));
    });
    return ignoredExpand ? perKeyLookups(keys) : answers;
  };
}
