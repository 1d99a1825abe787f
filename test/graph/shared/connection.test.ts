import { GraphQLError } from 'graphql';
import { fetchConnection } from '../../../src/resolvers/shared/connection';
import type { ListOptions, ProducerSource, QueryValue } from '../../../src/sources';

// A producer whose pages are at most `pageCap` rows, whatever `limit` says (real producers cap it).
function pagedSource(rows: number, pageCap: number) {
  const calls: { query: Record<string, QueryValue>; options: ListOptions }[] = [];
  const list = async (_name: string, query: Record<string, QueryValue>, options: ListOptions = {}) => {
    calls.push({ query, options });
    const start = options.pageToken ? Number(options.pageToken) : 0;
    const end = Math.min(rows, start + Math.min(options.limit ?? pageCap, pageCap));
    const data = Array.from({ length: end - start }, (_, i) => ({ id: `p${start + i}` }));
    return { data, pageToken: end < rows ? String(end) : null };
  };
  return { source: { list } as unknown as ProducerSource, calls };
}

const ids = (connection: { edges: { node: unknown }[] }) => connection.edges.map((edge) => (edge.node as { id: string }).id);

describe('fetchConnection', () => {
  it('gives totalCount when the first page holds the whole list, and null when it cannot know without reading on', async () => {
    const whole = await fetchConnection(pagedSource(12, 10).source, 'persons', {}, { first: 20 });
    expect(whole.pageInfo).toMatchObject({ hasNextPage: false, totalCount: 12 });
    const partial = await fetchConnection(pagedSource(25, 10).source, 'persons', {}, { first: 20 });
    expect(partial.pageInfo).toMatchObject({ hasNextPage: true, totalCount: null });
    // A last page after a cursor does not know how many rows came before it.
    const last = await fetchConnection(pagedSource(25, 10).source, 'persons', {}, { first: 20, after: partial.pageInfo.endCursor! });
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, totalCount: null });
    expect(ids(last)).toHaveLength(5);
  });

  it('fills `first` across producer pages smaller than asked for', async () => {
    const { source, calls } = pagedSource(25, 10);
    const page = await fetchConnection(source, 'persons', { nameContains: ['a'] }, { first: 15 });
    expect(ids(page)).toEqual(Array.from({ length: 15 }, (_, i) => `p${i}`));
    expect(page.pageInfo.hasNextPage).toBe(true);
    // The query goes with every call: the scoped sources check a resumed token against it (a cursor
    // works only with the arguments it was issued for); the producer still gets only limit and
    // pageToken after the first page (src/sources/shared/paging.ts).
    expect(calls.map((call) => call.query)).toEqual([{ nameContains: ['a'] }, { nameContains: ['a'] }]);
  });

  it('walks to the end with endCursor, every row once, and says when there is no more', async () => {
    const { source } = pagedSource(23, 10);
    const seen: string[] = [];
    let after: string | undefined;
    for (let more = true; more;) {
      const page = await fetchConnection(source, 'persons', {}, { first: 7, after });
      seen.push(...ids(page));
      more = page.pageInfo.hasNextPage;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `p${i}`));
  });

  it('refuses `first` outside 1..1000 and foreign cursors as BAD_USER_INPUT', async () => {
    const { source } = pagedSource(5, 10);
    for (const args of [{ first: 0 }, { first: 1001 }, { after: 'garbage' }, { after: Buffer.from('[null,-1]').toString('base64url') }]) {
      const error = await fetchConnection(source, 'persons', {}, args).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    }
  });
});
