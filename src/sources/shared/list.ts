// GET /X: one page, or every page in turn. Shared by list()/pages() and by list-based reverse lookups.
import { AGGREGATED_ATTENDANCE_PATH, RESOURCES, type ListName } from '../../ss12000/resources';
import type { Page } from '../../ss12000/wire';
import type { ProducerCapabilities } from './capabilities';
import { UpstreamInvalidError } from './errors';
import { checkListRows } from './filter-checks';
import type { ProducerHttpClient } from './http-client';
import { checkLimit, pageQuery } from './paging';
import type { QueryValue } from './query';
import type { PayloadChecker } from './validate';

export interface ListContext {
  readonly http: ProducerHttpClient;
  readonly checker: PayloadChecker;
  readonly pageSize: number;
  /** What the producer offers (capabilities.ts); every path, with lookups, when absent. */
  readonly capabilities?: ProducerCapabilities;
}

export const listPath = (name: ListName): { producer: string; path: string } =>
  name === 'aggregatedAttendance' ? { producer: 'attendance', path: AGGREGATED_ATTENDANCE_PATH } : RESOURCES[name];

/**
 * One page, its rows held to the filters of `query` (see filter-checks.ts). With a pageToken the
 * filters are not sent (the token carries them) but still checked: pass the query the token was issued for.
 */
export async function fetchPage(
  ctx: ListContext,
  name: ListName,
  query: Readonly<Record<string, QueryValue>>,
  options: { limit?: number; pageToken?: string } = {},
): Promise<Page<unknown>> {
  if ('limit' in query || 'pageToken' in query) throw new TypeError('pass limit and pageToken as list options, not as query parameters');
  const { path } = listPath(name);
  const limit = checkLimit(options.limit ?? ctx.pageSize);
  const answer = await ctx.http.json({ method: 'GET', path, query: pageQuery(query, limit, options.pageToken) });
  const page = ctx.checker.page(name, `GET ${path}`, answer);
  const data = checkListRows({ producer: ctx.http.producer, route: `GET ${path}` }, name, query, page.data);
  return data === page.data ? page : { ...page, data };
}

export async function* walkPages(
  ctx: ListContext,
  name: ListName,
  query: Readonly<Record<string, QueryValue>>,
  pageSize?: number,
): AsyncGenerator<unknown[]> {
  let pageToken: string | undefined;
  do {
    const page = await fetchPage(ctx, name, query, { limit: pageSize, pageToken });
    yield page.data;
    // A producer handing back the token it was given would page forever.
    if (page.pageToken !== null && page.pageToken === pageToken) {
      throw new UpstreamInvalidError(ctx.http.producer, `GET ${listPath(name).path}`, 'pageToken repeats the previous one');
    }
    pageToken = page.pageToken ?? undefined;
  } while (pageToken !== undefined);
}
