// A ProducerSource for one producer and one GraphQL request: loaders are created here, per request.
import { AGGREGATED_ATTENDANCE_PATH, RESOURCES, type ListName, type ResourceName } from '../../ss12000/resources';
import type { Page } from '../../ss12000/wire';
import type { ListOptions, LoadOptions, ProducerSource } from '../types';
import { byField, byIds, type BatchContext } from './batches';
import type { ProducerConfig } from './config';
import type { DomainSpec, ReverseLookup } from './domain';
import { UpstreamInvalidError } from './errors';
import { RequestLoaders } from './loader-factory';
import { checkLimit, pageQuery } from './paging';
import type { QueryValue } from './query';

export interface ProducerParts extends BatchContext {
  readonly domain: DomainSpec;
  readonly config: ProducerConfig;
}

const listPath = (name: ListName): { producer: string; path: string } =>
  name === 'aggregatedAttendance' ? { producer: 'attendance', path: AGGREGATED_ATTENDANCE_PATH } : RESOURCES[name];

export function createProducerSource(parts: ProducerParts): ProducerSource {
  const { domain, config, http, checker } = parts;
  const { producer } = domain;
  const loaders = new RequestLoaders(config.maxBatchSize);

  // Asking one producer for another's data is a wiring bug, not something a caller can recover from.
  const ownPath = (name: ListName): string => {
    const owner = name in RESOURCES || name === 'aggregatedAttendance' ? listPath(name) : undefined;
    if (!owner) throw new TypeError(`unknown SS 12000 collection '${name}'`);
    if (owner.producer !== producer) throw new TypeError(`'${name}' belongs to the ${owner.producer} producer, not ${producer}`);
    return owner.path;
  };

  const list = async (name: ListName, query: Record<string, QueryValue>, options: ListOptions = {}): Promise<Page<unknown>> => {
    const path = ownPath(name);
    if ('limit' in query || 'pageToken' in query) throw new TypeError('pass limit and pageToken as list options, not as query parameters');
    const limit = checkLimit(options.limit ?? config.pageSize);
    const answer = await http.json({ method: 'GET', path, query: pageQuery(query, limit, options.pageToken) });
    return checker.page(name, `GET ${path}`, answer);
  };

  async function* pages(name: ListName, query: Record<string, QueryValue>, pageSize?: number): AsyncGenerator<unknown[]> {
    let pageToken: string | undefined;
    do {
      const page = await list(name, query, { limit: pageSize, pageToken });
      yield page.data;
      // A producer handing back the token it was given would page forever.
      if (page.pageToken !== null && page.pageToken === pageToken) {
        throw new UpstreamInvalidError(producer, `GET ${ownPath(name)}`, 'pageToken repeats the previous one');
      }
      pageToken = page.pageToken ?? undefined;
    } while (pageToken !== undefined);
  }

  const load = async (name: ResourceName, id: string, options: LoadOptions = {}): Promise<unknown> => {
    ownPath(name);
    const expand = [...new Set(options.expand ?? [])].sort();
    return loaders.get(`load ${name} expand=${expand.join(',')}`, byIds(parts, name, expand)).load(id);
  };

  const loadBy = async (name: ResourceName, field: string, key: string): Promise<unknown> => {
    ownPath(name);
    const how = domain.reverseLookups[name]?.[field] as ReverseLookup<never> | undefined;
    if (!how) throw new TypeError(`the ${producer} producer offers no reverse lookup '${field}' on ${name}`);
    return loaders.get(`loadBy ${name}.${field}`, byField(parts, name, field, how)).load(key);
  };

  return {
    producer,
    list,
    pages,
    load,
    loadMany: (name, ids, options) => Promise.all(ids.map((id) => load(name, id, options))),
    loadBy,
  } as ProducerSource;
}
