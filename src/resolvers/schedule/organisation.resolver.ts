import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { fetchConnection, PageArgs, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { ActivityConnection } from './activity.resolver';
import { OrganisationStub } from './stubs.type';

@Resolver(() => OrganisationStub)
export class OrganisationResolver {
  // Paged like the root list: a school's activities run to hundreds.
  @FieldResolver(() => ActivityConnection, {
    nullable: true,
    description: 'Activities of this organisation element and its sub-units (GET /activities?organisation=).',
  })
  activities(
    @Root() organisation: OrganisationStub,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<W.Activity>> {
    return fetchConnection(ctx.sources.schedule, 'activities', { organisation: organisation.id }, args);
  }
}
