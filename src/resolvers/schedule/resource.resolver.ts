import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { requireId } from '../shared/ids';
import { OwnedListArgs, ownedListQuery } from './filters.args';
import { Resource } from './resource.type';

export const { Connection: ResourceConnection } = ConnectionType(Resource, 'Resource');

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => ResourceConnection, { nullable: true, description: 'GET /resources' })
  resources(@Args(() => OwnedListArgs) args: OwnedListArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Resource>> {
    return fetchConnection(ctx.sources.schedule, 'resources', ownedListQuery(args), args);
  }

  @Query(() => Resource, { nullable: true, description: 'GET /resources/{id}; null for an unknown id.' })
  resource(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Resource | null> {
    return ctx.sources.schedule.load('resources', requireId(id));
  }
}
