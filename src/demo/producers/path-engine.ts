// The generic list / by-id / lookup engine for one collection path, driven by the spec's
// parameter list and the path's PathDef.
import type { Collection } from '../dataset';
import type { ResourceName } from '../../ss12000/resources';
import { validatorForSchema, specOperation } from '../../ss12000/spec-validator';
import { badRequest, notFound, tooLarge } from './errors';
import { rangeFilter, unique } from './filters';
import { decodePageToken, encodePageToken } from './page-token';
import type { EngineContext, Expander, FilterDef, Matcher, PathDef } from './path-def';
import { parseQuery, specParams, type Query } from './query';
import { addReferenceNames } from './reference-names';
import { comparatorFor } from './sorting';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL_PARAMS = new Set(['limit', 'pageToken', 'expand', 'expandReferenceNames', 'sortkey']);
const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 10_000;
// A page walk re-runs its query once per page; keeping a few recent results makes a walk linear.
const CACHED_QUERIES = 8;

export interface Page {
  data: unknown[];
  pageToken: string | null;
}

export class PathEngine {
  readonly path: string;
  private readonly filters = new Map<string, FilterDef<unknown>>();
  private readonly cache = new Map<string, unknown[]>();

  constructor(
    private readonly def: PathDef,
    private readonly ctx: EngineContext,
  ) {
    this.path = `/${def.name}`;
    const handled = new Set(def.queryFilter?.params ?? []);
    for (const name of specParams('GET', this.path)) {
      if (CONTROL_PARAMS.has(name) || handled.has(name) || this.isAggregated) continue;
      const filter = (def.filters?.[name] ?? rangeFilter(name)) as FilterDef<unknown> | undefined;
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

  /** Drop cached query results: the collection (or one it filters through) was written. */
  invalidate(): void {
    this.cache.clear();
  }

  list(search: URLSearchParams): Page {
    let query: Query;
    let offset = 0;
    const token = search.get('pageToken');
    const parsed = parseQuery('GET', this.path, search);
    if (token !== null) {
      const extra = [...new Set(search.keys())].filter((k) => k !== 'limit' && k !== 'pageToken');
      if (extra.length > 0) throw badRequest(`pageToken can only be combined with limit, not with ${extra.join(', ')}`);
      ({ query, offset } = decodePageToken(this.path, token));
    } else {
      query = Object.fromEntries(Object.entries(parsed).filter(([k]) => k !== 'limit' && k !== 'pageToken'));
    }
    const limit = Math.min(typeof parsed.limit === 'number' ? parsed.limit : DEFAULT_LIMIT, MAX_LIMIT);
    const items = this.matching(query);
    const end = offset + limit;
    return {
      data: items.slice(offset, end).map((item) => this.present(item, query)),
      pageToken: end < items.length ? encodePageToken(this.path, query, end) : null,
    };
  }

  byId(id: string, search: URLSearchParams): unknown {
    if (!UUID.test(id)) throw badRequest(`${id} is not a uuid`);
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

  private matching(query: Query): unknown[] {
    const key = JSON.stringify(query);
    const cached = this.cache.get(key);
    if (cached) return cached;
    let items = this.isAggregated ? this.aggregated(query) : this.filtered(query);
    if (typeof query.sortkey === 'string') items = [...items].sort(comparatorFor(query.sortkey));
    if (this.cache.size >= CACHED_QUERIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, items);
    return items;
  }

  private filtered(query: Query): unknown[] {
    const matchers: Matcher<unknown>[] = [];
    for (const [name, value] of Object.entries(query)) {
      const filter = this.filters.get(name);
      if (filter) matchers.push(filter(value, this.ctx));
    }
    const combined = this.def.queryFilter?.match(query, this.ctx) as Matcher<unknown> | undefined;
    if (combined) matchers.push(combined);
    const narrowing = matchers.find((m) => m.candidates !== undefined);
    const source = narrowing ? unique(narrowing.candidates!()) : this.collection.values();
    const out: unknown[] = [];
    for (const item of source) if (matchers.every((m) => m.test(item))) out.push(item);
    return out;
  }

  private aggregated(query: Query): unknown[] {
    return [
      ...this.ctx.ds.aggregatedAttendance({
        startDate: query.startDate as string,
        endDate: query.endDate as string,
        organisation: query.organisation as string | undefined,
        schoolType: query.schoolType as never,
        student: query.student as string[] | undefined,
      }),
    ];
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
