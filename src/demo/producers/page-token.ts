// The pageToken is opaque to clients but carries the whole original query, because the spec
// forbids repeating filters next to it: the next page must be computable from token + limit.
import { badRequest } from './errors';
import type { Query } from './query';

interface TokenBody {
  /** The path the token was issued for; a token is only valid there. */
  p: string;
  q: Query;
  /** Offset of the next item in the query's result order. */
  o: number;
}

export const encodePageToken = (path: string, query: Query, offset: number): string =>
  Buffer.from(JSON.stringify({ p: path, q: query, o: offset } satisfies TokenBody)).toString('base64url');

/** Reads the token of `search`, which may carry nothing else but `limit`. */
export function decodePageToken(path: string, token: string, search: URLSearchParams): { query: Query; offset: number } {
  const extra = [...new Set(search.keys())].filter((k) => k !== 'limit' && k !== 'pageToken');
  if (extra.length > 0) throw badRequest(`pageToken can only be combined with limit, not with ${extra.join(', ')}`);
  let body: Partial<TokenBody> | undefined;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
  } catch {
    body = undefined;
  }
  if (!body || body.p !== path || typeof body.q !== 'object' || body.q === null || !Number.isInteger(body.o) || body.o! < 0) {
    throw badRequest(`pageToken is not one this server issued for ${path}`);
  }
  return { query: body.q, offset: body.o! };
}
