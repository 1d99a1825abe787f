// A minimal SS 12000 producer over a generated Dataset, for scenarios that need to shape the
// producer (a smaller lookup limit, a count of calls) more finely than the demo producers allow.
import type { Dataset } from '../../../src/demo/dataset';
import { RESOURCES, type ResourceName } from '../../../src/ss12000/resources';
import type { Received, Reply } from './fake-producer';

const byPath = new Map<string, ResourceName>(Object.entries(RESOURCES).map(([name, info]) => [info.path.slice(1), name as ResourceName]));

export interface DatasetProducerOptions {
  /** Most ids a lookup accepts before answering 503 "too large". */
  maxLookupIds?: number;
}

export const datasetAnswers =
  (dataset: Dataset, options: DatasetProducerOptions = {}) =>
  ({ method, path, query, body }: Received): Reply => {
    const [collection, rest] = path.slice(1).split(/\/(.*)/s);
    const name = byPath.get(collection ?? '');
    if (!name) return { status: 404, json: { code: 'not_found', message: 'no such path' } };
    const entities = dataset[name] as Dataset['persons'];
    if (method === 'POST' && rest === 'lookup') {
      const ids = (body as { ids?: string[] }).ids ?? [];
      if (ids.length > (options.maxLookupIds ?? Infinity)) return { status: 503, json: { code: 'too_large', message: 'too many ids' } };
      return { json: ids.flatMap((id) => entities.get(id) ?? []) };
    }
    if (method === 'GET' && rest) {
      const entity = entities.get(decodeURIComponent(rest));
      return entity ? { json: entity } : { status: 404, json: { code: 'not_found', message: 'unknown id' } };
    }
    const extra = [...query.keys()].filter((key) => key !== 'limit' && key !== 'pageToken');
    if (query.has('pageToken') && extra.length > 0)
      return { status: 400, json: { code: 'pageToken_with_filters', message: extra.join(',') } };
    const limit = Number(query.get('limit') ?? 100);
    const offset = Number(query.get('pageToken') ?? 0);
    const all = [...entities.values()];
    const next = offset + limit;
    return { json: { data: all.slice(offset, next), pageToken: next < all.length ? String(next) : null } };
  };
