// The batch functions behind the loaders: by id over `POST /X/lookup {ids}` (or GET /X/{id}),
// and reverse lookups over `POST /X/lookup {<field>: keys}`. Each answers per key, in key order.
import { RESOURCES, type ResourceName } from '../../ss12000/resources';
import type { ReverseLookup } from './domain';
import { isUpstreamRejected } from './errors';
import type { ProducerHttpClient } from './http-client';
import type { BatchFn } from './loader-factory';
import { eachKey, splitBatch } from './split-batch';
import type { PayloadChecker } from './validate';

type Row = Record<string, unknown>;

export interface BatchContext {
  readonly http: ProducerHttpClient;
  readonly checker: PayloadChecker;
}

const expandQuery = (expand: readonly string[]) => (expand.length > 0 ? { expand } : {});

/** Rows of `name` whose lookup field `field` holds one of `keys` (a bare array, no paging). */
async function lookup(ctx: BatchContext, name: ResourceName, body: Record<string, readonly string[]>, expand: readonly string[]): Promise<Row[]> {
  const path = `${RESOURCES[name].path}/lookup`;
  const answer = await ctx.http.json({ method: 'POST', path, query: expandQuery(expand), body });
  return ctx.checker.array(name, `POST ${path}`, answer) as Row[];
}

export function byIds(ctx: BatchContext, name: ResourceName, expand: readonly string[]): BatchFn<Row | null> {
  const { path, hasLookup } = RESOURCES[name];
  if (!hasLookup) {
    return (ids) =>
      eachKey(ids, async (id) => {
        try {
          const answer = await ctx.http.json({ method: 'GET', path: `${path}/${encodeURIComponent(id)}`, route: `${path}/{id}`, query: expandQuery(expand) });
          return ctx.checker.one(name, `GET ${path}/{id}`, answer) as Row;
        } catch (error) {
          if (isUpstreamRejected(error) && error.status === 404) return null;
          throw error;
        }
      });
  }
  return (ids) =>
    splitBatch(ids, async (part) => {
      const rows = await lookup(ctx, name, { ids: part }, expand);
      const byId = new Map<unknown, Row>(rows.map((row) => [row.id, row]));
      return part.map((id) => byId.get(id) ?? null);
    });
}

export function byField(ctx: BatchContext, name: ResourceName, field: string, how: ReverseLookup<never>): BatchFn<Row[]> {
  if (!how.batched) return (keys) => eachKey(keys, (key) => lookup(ctx, name, { [field]: [key] }, []));
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
