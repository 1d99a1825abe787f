// Paging for the small in-memory lists (/deletedEntities, /subscriptions): same opaque token
// rules as the collection paths.
import { decodePageToken, encodePageToken } from './page-token';
import { checkTokenQuery, parseQuery, type Query } from './query';

export interface PageRequest {
  /** The request's own filters, or those its pageToken carries. */
  readonly query: Query;
  readonly offset: number;
  /** Absent: everything that is left. */
  readonly limit: number | undefined;
}

export function pageRequest(path: string, search: URLSearchParams): PageRequest {
  const token = search.get('pageToken');
  const parsed = parseQuery('GET', path, search);
  const limit = typeof parsed.limit === 'number' ? parsed.limit : undefined;
  if (token === null) {
    const { limit: _limit, pageToken: _token, ...query } = parsed;
    return { query, offset: 0, limit };
  }
  const { query, offset } = decodePageToken(path, token, search);
  checkTokenQuery('GET', path, query);
  return { query, offset, limit };
}

export function pageOf<T>(path: string, items: readonly T[], request: PageRequest): { data: T[]; pageToken: string | null } {
  const end = request.offset + (request.limit ?? items.length);
  return { data: items.slice(request.offset, end), pageToken: end < items.length ? encodePageToken(path, request.query, end) : null };
}
