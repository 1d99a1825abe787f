// SS 12000 paging: `{data, pageToken}`, `pageToken: null` on the last page. A pageToken may be
// combined only with `limit`: the spec rejects any other filter beside it, and some producers answer 400.
import type { QueryValue } from './query';

/** The query for one page: the caller's filters on the first page, only `limit` and `pageToken` after. */
export function pageQuery(
  query: Readonly<Record<string, QueryValue>>,
  limit: number,
  pageToken: string | undefined,
): Record<string, QueryValue> {
  return pageToken === undefined ? { ...query, limit } : { limit, pageToken };
}

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  return limit;
}
