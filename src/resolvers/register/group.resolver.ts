import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { fetchConnection, type Connection } from '../shared/connection';
import { requireId } from '../shared/ids';
import { GroupConnection } from './connections';
import { GroupsArgs, groupsQuery } from './filters.args';
import { Group } from './group.type';
import { Organisation } from './organisation.type';
import { loadRef } from './refs';

@Resolver(() => Group)
export class GroupResolver {
  @Query(() => GroupConnection, { nullable: true, description: 'GET /groups' })
  groups(@Args(() => GroupsArgs) args: GroupsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Group>> {
    return fetchConnection(ctx.sources.register, 'groups', groupsQuery(args), args);
  }

  @Query(() => Group, { nullable: true, description: 'GET /groups/{id}; null for an unknown id.' })
  group(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Group | null> {
    return ctx.sources.register.load('groups', requireId(id));
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() group: W.Group, @Ctx() ctx: SubgraphContext): Promise<W.Organisation | null> | null {
    return loadRef(ctx, 'organisations', group.organisation);
  }
}
