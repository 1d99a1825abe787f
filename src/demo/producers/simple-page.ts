// Paging for the small in-memory lists (/deletedEntities, /subscriptions): same opaque token
// rules as the collection paths.
import { badRequest } from './errors';
import { decodePageToken, encodePageToken } from './page-token';
import type { Query } from './query';

export function pageOf<T>(path: string, items: readonly T[], query: Query, search: URLSearchParams): { data: T[]; pageToken: string | null; query: Query } {
  let offset = 0;
  let effective = Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'limit' && k !== 'pageToken'));
  const token = search.get('pageToken');
  if (token !== null) {
    const extra = [...new Set(search.keys())].filter((k) => k !== 'limit' && k !== 'pageToken');
    if (extra.length > 0) throw badRequest(`pageToken can only be combined with limit, not with ${extra.join(', ')}`);
    ({ query: effective, offset } = decodePageToken(path, token));
  }
  const limit = typeof query.limit === 'number' ? query.limit : items.length || 1;
  const end = offset + limit;
  return { data: items.slice(offset, end), pageToken: end < items.length ? encodePageToken(path, effective, end) : null, query: effective };
}
