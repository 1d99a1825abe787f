// Paging for the small in-memory lists (/deletedEntities, /subscriptions): same opaque token
// rules as the collection paths.
import { decodePageToken, encodePageToken } from './page-token';
import { checkTokenQuery, type Query } from './query';

export function pageOf<T>(path: string, items: readonly T[], query: Query, search: URLSearchParams): { data: T[]; pageToken: string | null; query: Query } {
  let offset = 0;
  let effective = Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'limit' && k !== 'pageToken'));
  const token = search.get('pageToken');
  if (token !== null) {
    ({ query: effective, offset } = decodePageToken(path, token, search));
    checkTokenQuery('GET', path, effective);
  }
  const limit = typeof query.limit === 'number' ? query.limit : items.length || 1;
  const end = offset + limit;
  return { data: items.slice(offset, end), pageToken: end < items.length ? encodePageToken(path, effective, end) : null, query: effective };
}
