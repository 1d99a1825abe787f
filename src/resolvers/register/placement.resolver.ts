import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { fetchConnection, type Connection } from '../shared/connection';
import { requireId } from '../shared/ids';
import { PlacementConnection } from './connections';
import { PlacementsArgs, placementsQuery } from './filters.args';
import { Group } from './group.type';
import { Organisation } from './organisation.type';
import { Person } from './person.type';
import { Placement } from './placement.type';
import { loadRef, loadRefs } from './refs';

@Resolver(() => Placement)
export class PlacementResolver {
  @Query(() => PlacementConnection, { nullable: true, description: 'GET /placements' })
  placements(@Args(() => PlacementsArgs) args: PlacementsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Placement>> {
    return fetchConnection(ctx.sources.register, 'placements', placementsQuery(args), args);
  }

  @Query(() => Placement, { nullable: true, description: 'GET /placements/{id}; null for an unknown id.' })
  placement(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Placement | null> {
    return ctx.sources.register.load('placements', requireId(id));
  }

  @FieldResolver(() => Organisation, { nullable: true })
  placedAt(@Root() placement: W.Placement, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'organisations', placement.placedAt);
  }

  @FieldResolver(() => Group, { nullable: true })
  group(@Root() placement: W.Placement, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'groups', placement.group);
  }

  @FieldResolver(() => Person, { nullable: true })
  child(@Root() placement: W.Placement, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'persons', placement.child);
  }

  @FieldResolver(() => [Person], { nullable: true })
  owners(@Root() placement: W.Placement, @Ctx() ctx: SubgraphContext) {
    return loadRefs(ctx, 'persons', placement.owners);
  }
}
