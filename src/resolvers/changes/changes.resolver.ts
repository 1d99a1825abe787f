import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { ChangeFeed } from '../../changes';
import { readFeed } from '../../changes/feed';
import { ConnectionType, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { checkFirst } from '../shared/cursor';
import { badUserInput } from '../shared/errors';
import { Change, ChangeTypeEnum, type ChangeKind } from './change.type';

/** The changes subgraph's context: the feed's store and cursor seal beside the usual. */
export interface ChangesContext extends SubgraphContext {
  changeFeed: ChangeFeed;
}

export const { Connection: ChangeConnection } = ConnectionType(Change, 'Change');

@ArgsType()
export class ChangesArgs {
  @Field(() => String, {
    nullable: true,
    description: 'An endCursor (or edge cursor) of an earlier page; from the oldest change kept when absent.',
  })
  since?: string;

  @Field(() => [ChangeTypeEnum], { nullable: true, description: 'Only these types (default: every type the supplier may read).' })
  types?: string[];

  @Field(() => Int, { nullable: true, description: 'How many changes to return (default 50, at most 1000).' })
  first?: number;
}

@Resolver(() => Change)
export class ChangesResolver {
  @Query(() => ChangeConnection, {
    nullable: true,
    description:
      'The change feed: objects modified or deleted, oldest first, only those this supplier may read now. Keep pageInfo.endCursor and ask again with since: it.',
  })
  async changes(@Args(() => ChangesArgs) args: ChangesArgs, @Ctx() ctx: ChangesContext): Promise<Connection<Change>> {
    const first = checkFirst(args.first);
    const { store, cursors } = ctx.changeFeed;
    const supplier = ctx.caller.supplier;
    const after = args.since === undefined || args.since === null ? 0 : cursors.open(supplier, args.since);
    if (after === undefined) throw badUserInput('`since` is not a cursor this graph issued to this supplier.', 'since');
    const page = await readFeed(store, ctx.caller, ctx.sources, { after, first, types: args.types ? new Set(args.types) : undefined });
    return {
      edges: page.entries.map((entry) => ({
        cursor: cursors.seal(supplier, entry.seq),
        node: { type: entry.type, id: entry.id, change: entry.change as ChangeKind, at: entry.at },
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: cursors.seal(supplier, page.end) },
    };
  }
}
