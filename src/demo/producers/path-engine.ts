// The generic list / by-id / lookup engine for one collection path, driven by the spec's
// parameter list and the path's PathDef.
import type { Collection } from '../dataset';
import type { ResourceName } from '../../ss12000/resources';
import { validatorForSchema, specOperation } from '../../ss12000/spec-validator';
import { badRequest, notFound, tooLarge } from './errors';
import { rangeFilter, unique } from './filters';
import { decodePageToken, encodePageToken } from './page-token';
import type { EngineContext, Expander, FilterDef, Matcher, PathDef } from './path-def';
import { checkTokenQuery, parseQuery, specParams, type Query } from './query';
import { addReferenceNames } from './reference-names';
import { comparatorFor } from './sorting';
import { requireUuid } from './uuid';

const CONTROL_PARAMS = new Set(['limit', 'pageToken', 'expand', 'expandReferenceNames', 'sortkey']);
const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 10_000;
// Recent query results and open streams kept for page walks (per path).
const CACHED_QUERIES = 16;

interface Cursor {
  readonly iterator: Iterator<unknown>;
  next: IteratorResult<unknown>;
}

const remember = <V>(cache: Map<string, V>, key: string, value: V): void => {
  if (cache.size >= CACHED_QUERIES) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
};

export interface Page {
  data: unknown[];
  pageToken: string | null;
}

export class PathEngine {
  readonly path: string;
  private readonly filters = new Map<string, FilterDef<unknown>>();
  private readonly results = new Map<string, unknown[]>();
  private readonly cursors = new Map<string, Cursor>();

  constructor(
    private readonly def: PathDef,
    private readonly ctx: EngineContext,
  ) {
    this.path = `/${def.name}`;
    const handled = new Set(def.queryFilter?.params ?? []);
    for (const name of specParams('GET', this.path)) {
      if (CONTROL_PARAMS.has(name) || handled.has(name) || this.isAggregated) continue;
      const filter = (def.filters?.[name] ?? rangeFilter(name, def.name as ResourceName)) as FilterDef<unknown> | undefined;
      // Fail at start, not at request time: every filter the spec defines must be served.
      if (!filter) throw new Error(`${this.path}: no filter for spec parameter ${name}`);
      this.filters.set(name, filter);
    }
  }

  private get isAggregated(): boolean {
    return this.def.name === 'aggregatedAttendance';
  }

  private get collection(): Collection<unknown> {
    return this.ctx.ds[this.def.name as ResourceName] as Collection<unknown>;
  }

  list(search: URLSearchParams): Page {
    let query: Query;
    let offset = 0;
    const token = search.get('pageToken');
    const parsed = parseQuery('GET', this.path, search, { requiredInToken: token !== null });
    if (token !== null) {
      ({ query, offset } = decodePageToken(this.path, token, search));
      checkTokenQuery('GET', this.path, query);
    } else {
      query = Object.fromEntries(Object.entries(parsed).filter(([k]) => k !== 'limit' && k !== 'pageToken'));
    }
    const limit = Math.min(typeof parsed.limit === 'number' ? parsed.limit : DEFAULT_LIMIT, MAX_LIMIT);
    const { items, more } = this.slice(query, offset, limit);
    return {
      data: items.map((item) => this.present(item, query)),
      pageToken: more ? encodePageToken(this.path, query, offset + limit) : null,
    };
  }

  byId(id: string, search: URLSearchParams): unknown {
    requireUuid(id);
    const query = parseQuery('GET', `${this.path}/{id}`, search);
    const entity = this.collection.get(id);
    if (entity === undefined) throw notFound(`No ${this.def.name} with id ${id}`);
    return this.present(entity, query);
  }

  lookup(body: unknown, search: URLSearchParams, maxKeys: number): unknown[] {
    const spec = specOperation('POST', `${this.path}/lookup`);
    if (!spec?.requestBody) throw notFound(`${this.path} has no lookup`);
    const query = parseQuery('POST', `${this.path}/lookup`, search);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Lookup body must be a JSON object');
    const check = validatorForSchema(spec.requestBody)(body);
    if (!check.ok) throw badRequest(`Invalid lookup body: ${check.errors}`);
    // Fields the spec does not define are ignored, like unknown query parameters.
    const fields = Object.entries(body as Record<string, unknown>).filter((e): e is [string, string[]] => Array.isArray(e[1]));
    const keyCount = fields.reduce((n, [, keys]) => n + keys.length, 0);
    if (keyCount > maxKeys) throw tooLarge(`Lookup asks for ${keyCount} keys; at most ${maxKeys} per request`);
    const found: unknown[] = [];
    for (const [field, keys] of fields) {
      for (const key of keys) {
        if (field === 'ids') {
          const entity = this.collection.get(key);
          if (entity !== undefined) found.push(entity);
        } else {
          const select = this.def.lookup?.[field];
          if (select) found.push(...select(key, this.ctx));
        }
      }
    }
    return unique(found).map((item) => this.present(item, query));
  }

  /**
   * One page of a query's result. Sorted results are computed whole and cached; unsorted ones
   * (aggregated rows included) are streamed, and the stream is kept at the next page's offset so
   * a walk over 200,000 lazily generated rows, or a term's 1,000,000 aggregated rows at 100,000
   * students, stays linear and never holds the whole result.
   */
  private slice(query: Query, offset: number, limit: number): { items: unknown[]; more: boolean } {
    const key = `${this.ctx.indexes.revision}:${JSON.stringify(query)}`;
    if (typeof query.sortkey === 'string') {
      let all = this.results.get(key);
      if (!all) {
        all = [...this.stream(query)];
        all.sort(comparatorFor(query.sortkey));
        remember(this.results, key, all);
      }
      return { items: all.slice(offset, offset + limit), more: offset + limit < all.length };
    }
    let cursor = this.cursors.get(`${key}@${offset}`);
    this.cursors.delete(`${key}@${offset}`);
    if (!cursor) {
      const iterator = this.stream(query);
      for (let skipped = 0; skipped < offset && !iterator.next().done; skipped += 1);
      cursor = { iterator, next: iterator.next() };
    }
    const items: unknown[] = [];
    while (!cursor.next.done && items.length < limit) {
      items.push(cursor.next.value);
      cursor.next = cursor.iterator.next();
    }
    const more = !cursor.next.done;
    if (more) remember(this.cursors, `${key}@${offset + limit}`, cursor);
    return { items, more };
  }

  private *stream(query: Query): Generator<unknown, void, undefined> {
    if (this.isAggregated) {
      yield* this.aggregated(query);
      return;
    }
    const matchers: Matcher<unknown>[] = [];
    for (const [name, value] of Object.entries(query)) {
      const filter = this.filters.get(name);
      if (filter) matchers.push(filter(value, this.ctx, query));
    }
    const combined = this.def.queryFilter?.match(query, this.ctx) as Matcher<unknown> | undefined;
    if (combined) matchers.push(combined);
    const narrowing = matchers.find((m) => m.candidates !== undefined && !m.broad) ?? matchers.find((m) => m.candidates !== undefined);
    const source = narrowing ? unique(narrowing.candidates!()) : this.collection.values();
    for (const item of source) if (matchers.every((m) => m.test(item))) yield item;
  }

  private aggregated(query: Query): Iterable<unknown> {
    return this.ctx.ds.aggregatedAttendance({
      startDate: query.startDate as string,
      endDate: query.endDate as string,
      organisation: query.organisation as string | undefined,
      schoolType: query.schoolType as never,
      student: query.student as string[] | undefined,
    });
  }

  private present(entity: unknown, query: Query): unknown {
    let out = entity;
    const expand = (query.expand as string[] | undefined) ?? [];
    if (expand.length > 0) {
      const embedded: Record<string, unknown> = {};
      for (const name of expand) {
        const value = (this.def.expand as Record<string, Expander<unknown>> | undefined)?.[name]?.(entity, this.ctx);
        if (value !== undefined) embedded[name] = value;
      }
      out = { ...(entity as object), _embedded: embedded };
    }
    if (query.expandReferenceNames === true) {
      out = structuredClone(out);
      addReferenceNames(out, this.ctx.ds);
    }
    return out;
  }
}
