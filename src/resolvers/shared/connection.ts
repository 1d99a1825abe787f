// Relay connections over SS 12000 paging. A cursor wraps the producer's pageToken plus how many
// rows of that page were already handed out, so any edge can be resumed from.
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { ListName, ListTypes } from '../../ss12000/resources';
import type { ProducerSource, QueryValue } from '../../sources';
import { PageInfo } from './page-info.type';
import { DEFAULT_FIRST, MAX_FIRST, checkFirst, decodeCursor, encodeCursor, type CursorState } from './cursor';
import { DROPPED, droppedRows, type DroppedRow } from '../../sources/shared/tolerant-reader';

export { DEFAULT_FIRST, MAX_FIRST };

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many nodes to return (default ${DEFAULT_FIRST}, at most ${MAX_FIRST}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return the nodes after this cursor (an endCursor or edge cursor).' })
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** `ConnectionType(Person, 'Person')` → PersonConnection and PersonEdge object types. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this node: pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} nodes (Relay connection over the producer's pageToken).` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: "The page, in the order asked for (or the producer's)." })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to ask for it.' })
    pageInfo!: PageInfo;
  }

  return { Connection: ConnectionClass, Edge: EdgeType };
}

/**
 * One connection page from a producer list. The query goes with every request: the producer gets
 * it only on the first (SS 12000 lets a pageToken be combined with `limit` alone; the token carries
 * the filters), but the scoped sources check a resumed token against it, so a cursor works only
 * with the arguments it was issued for.
 */
export async function fetchConnection<N extends ListName>(
  source: ProducerSource,
  name: N,
  query: Record<string, QueryValue>,
  args: PageArgs,
): Promise<Connection<ListTypes[N]>> {
  const first = checkFirst(args.first);
  let state: CursorState = args.after === undefined || args.after === null ? { token: null, skip: 0 } : decodeCursor(args.after);
  const edges: Edge<ListTypes[N]>[] = [];
  // Rows the tolerant reader left out of the pages read: reported on this connection (payload-errors.ts).
  const dropped: DroppedRow[] = [];
  let endCursor: string | null = args.after ?? null;
  let hasNextPage: boolean;
  for (;;) {
    const want = first - edges.length;
    const limit = want + state.skip;
    // With a token the filters are not sent (the token carries them), but the source still holds
    // the rows to them: a producer that ignored a filter must not slip rows in on a later page.
    const page =
      state.token === null ? await source.list(name, query, { limit }) : await source.list(name, query, { limit, pageToken: state.token });
    dropped.push(...droppedRows(page));
    const from = state;
    page.data.slice(from.skip, from.skip + want).forEach((node, index) => {
      endCursor = encodeCursor({ token: from.token, skip: from.skip + index + 1 });
      edges.push({ node, cursor: endCursor });
    });
    if (from.skip + want < page.data.length) {
      hasNextPage = true;
      break;
    }
    if (page.pageToken === null) {
      hasNextPage = false;
      break;
    }
    // The page is used up: resume cleanly at the producer's next token rather than re-reading this page.
    state = { token: page.pageToken, skip: 0 };
    endCursor = encodeCursor(state);
    const last = edges[edges.length - 1];
    if (last !== undefined) last.cursor = endCursor;
    if (edges.length >= first || page.data.length === 0) {
      hasNextPage = true;
      break;
    }
  }
  // The whole list is in hand only when this page started it and nothing follows.
  const totalCount = args.after == null && !hasNextPage ? edges.length : null;
  const connection: Connection<ListTypes[N]> = { edges, pageInfo: { hasNextPage, endCursor, totalCount } };
  if (dropped.length > 0) Object.defineProperty(connection, DROPPED, { value: dropped, enumerable: false });
  return connection;
}
