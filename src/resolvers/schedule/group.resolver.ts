import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { Activity } from './activity.type';
import { GroupStub } from './stubs.type';

@Resolver(() => GroupStub)
export class GroupResolver {
  // The activities lookup has no group field, so this walks GET /activities?group= once per distinct group.
  @FieldResolver(() => [Activity], { nullable: true, description: 'Activities this group takes part in.' })
  activities(@Root() group: GroupStub, @Ctx() ctx: SubgraphContext): Promise<W.Activity[]> {
    return ctx.sources.schedule.loadBy('activities', 'group', group.id);
  }
}
