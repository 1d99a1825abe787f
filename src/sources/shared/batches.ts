// The batch functions behind the loaders: by id over `POST /X/lookup {ids}` (or GET /X/{id}),
// and reverse lookups. Each answers per key, in key order.
import { RESOURCES, type ResourceName } from '../../ss12000/resources';
import type { ReverseLookup } from './domain';
import { isUpstreamUnsupported } from './capabilities';
import { isUpstreamRejected } from './errors';
import { checkLookupRows, reportMismatch } from './filter-checks';
import { walkPages, type ListContext } from './list';
import type { BatchFn } from './loader-factory';
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
  for (const [field, keys] of Object.entries(body)) rows = checkLookupRows({ producer: ctx.http.producer, route: `POST ${path}` }, name, field, keys, rows);
  return rows;
}

async function getById(ctx: ListContext, name: ResourceName, id: string, expand: readonly string[], referenceNames: boolean): Promise<Row | null> {
  const { path } = RESOURCES[name];
  try {
    const answer = await ctx.http.json({ method: 'GET', path: `${path}/${encodeURIComponent(id)}`, route: `${path}/{id}`, query: expandQuery(expand, referenceNames) });
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

async function allRows(ctx: ListContext, name: ResourceName, query: Record<string, string>): Promise<Row[]> {
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

export function byField(ctx: ListContext, name: ResourceName, field: string, how: ReverseLookup<never>): BatchFn<Row[]> {
  if (how.via === 'list') return (keys) => eachKey(keys, (key) => allRows(ctx, name, { [field]: key }));
  if (!how.keysOf) return (keys) => eachKey(keys, (key) => lookup(ctx, name, { [field]: [key] }, []));
  const keysOf = how.keysOf as (row: Row) => readonly (string | undefined)[];
  return (keys) =>
    splitBatch(keys, async (part) => {
      const rows = await lookup(ctx, name, { [field]: part }, []);
      const groups = new Map<string, Row[]>(part.map((key) => [key, []]));
      for (const row of rows) {
        for (const key of new Set(keysOf(row))) if (key !== undefined) groups.get(key)?.push(row);
      }
      return part.map((key) => groups.get(key) as Row[]);
    });
}
