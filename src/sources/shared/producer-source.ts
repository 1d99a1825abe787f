// A ProducerSource for one producer and one GraphQL request: loaders are created here, per request.
import { RESOURCES, type ListName, type ResourceName } from '../../ss12000/resources';
import type { ListOptions, LoadOptions, ProducerSource, WritableName, Written } from '../types';
import { isUpstreamRejected } from './errors';
import { byField, byIds } from './batches';
import type { ProducerCapabilities } from './capabilities';
import type { ProducerConfig } from './config';
import type { DomainSpec, ReverseLookup, RowOrder } from './domain';
import type { BatchFn } from './loader-factory';
import type { ProducerHttpClient } from './http-client';
import { fetchPage, listPath, walkPages, type ListContext } from './list';
import { RequestLoaders } from './loader-factory';
import type { QueryValue } from './query';
import type { PayloadChecker } from './validate';
import { DEFAULT_TIME_ZONE } from './tolerant-reader';

export interface ProducerParts {
  readonly domain: DomainSpec;
  readonly config: ProducerConfig;
  readonly http: ProducerHttpClient;
  readonly checker: PayloadChecker;
  readonly capabilities?: ProducerCapabilities;
}

const NO_EXPAND: readonly string[] = [];

type Row = Record<string, unknown>;

/** Each key's rows sorted in place (a marked answer keeps its marks: tolerant-reader.ts DROPPED), once per key per request. */
const inOrder = (batch: BatchFn<Row[]>, order: RowOrder | undefined): BatchFn<Row[]> =>
  order === undefined ? batch : async (keys) => (await batch(keys)).map((rows) => (rows instanceof Error ? rows : rows.sort(order)));

export function createProducerSource(parts: ProducerParts): ProducerSource {
  const { domain, config } = parts;
  const { producer } = domain;
  const ctx: ListContext = { http: parts.http, checker: parts.checker, pageSize: config.pageSize, capabilities: parts.capabilities };
  const loaders = new RequestLoaders(config.maxBatchSize);

  // Asking one producer for another's data is a wiring bug, not something a caller can recover from.
  const ownOnly = (name: ListName): void => {
    if (!Object.hasOwn(RESOURCES, name) && name !== 'aggregatedAttendance') throw new TypeError(`unknown SS 12000 collection '${name}'`);
    const owner = listPath(name).producer;
    if (owner !== producer) throw new TypeError(`'${name}' belongs to the ${owner} producer, not ${producer}`);
  };

  // The filters each pageToken of this request stands for, so that a later page asked for with the
  // token alone (the scope reading on past an emptied page) is still checked against them.
  const tokenFilters = new Map<string, Record<string, QueryValue>>();
  const list = async (name: ListName, query: Record<string, QueryValue>, options?: ListOptions) => {
    ownOnly(name);
    const token = options?.pageToken;
    const filters = token !== undefined && Object.keys(query).length === 0 ? (tokenFilters.get(`${name} ${token}`) ?? query) : query;
    const page = await fetchPage(ctx, name, filters, options);
    if (page.pageToken !== null && Object.keys(filters).length > 0) tokenFilters.set(`${name} ${page.pageToken}`, filters);
    return page;
  };

  async function* pages(name: ListName, query: Record<string, QueryValue>, pageSize?: number): AsyncGenerator<unknown[]> {
    ownOnly(name);
    yield* walkPages(ctx, name, query, pageSize);
  }

  const load = async (name: ResourceName, id: string, options: LoadOptions = {}): Promise<unknown> => {
    ownOnly(name);
    // Every reference a resolver follows comes through here, nearly all without an expand.
    const expand = options.expand === undefined || options.expand.length === 0 ? NO_EXPAND : [...new Set(options.expand)].sort();
    const names = options.referenceNames === true;
    return loaders.get(`load ${name} expand=${expand.join(',')} names=${names}`, () => byIds(ctx, name, expand, names)).load(id);
  };

  const loadBy = async (name: ResourceName, field: string, key: string): Promise<unknown> => {
    ownOnly(name);
    const how = domain.reverseLookups[name]?.[field] as ReverseLookup<never> | undefined;
    if (!how) throw new TypeError(`the ${producer} producer offers no reverse lookup '${field}' on ${name}`);
    return loaders.get(`loadBy ${name}.${field}`, () => inOrder(byField(ctx, name, field, how), domain.order?.[name])).load(key);
  };

  const write = async (name: WritableName, body: Record<string, unknown>): Promise<Written<unknown>> => {
    ownOnly(name);
    const { path } = RESOURCES[name];
    const row = ctx.checker.one(name, `POST ${path}`, await parts.http.json({ method: 'POST', path, body })) as { id: string };
    return { id: row.id, row };
  };

  const remove = async (name: WritableName, id: string): Promise<boolean> => {
    ownOnly(name);
    const { path } = RESOURCES[name];
    try {
      await parts.http.json({ method: 'DELETE', path: `${path}/${encodeURIComponent(id)}`, route: `${path}/{id}` });
      return true;
    } catch (error) {
      if (isUpstreamRejected(error) && error.status === 404) return false;
      throw error;
    }
  };

  return {
    producer,
    tuning: {
      pageSize: config.pageSize,
      maxConcurrency: config.maxConcurrency,
      summarySource: config.summarySource,
      timeZone: config.timeZone ?? DEFAULT_TIME_ZONE,
    },
    list,
    pages,
    load,
    loadMany: (name, ids, options) => Promise.all(ids.map((id) => load(name, id, options))),
    loadBy,
    write,
    remove,
  } as ProducerSource;
}
