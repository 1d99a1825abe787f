import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { Activity } from './activity.type';
import { DutyStub } from './stubs.type';

@Resolver(() => DutyStub)
export class DutyResolver {
  /** Batched: one POST /activities/lookup {teachers: [...]} for all duties in the request. */
  @FieldResolver(() => [Activity], { nullable: true, description: 'Activities whose teachers include this duty.' })
  activities(@Root() duty: DutyStub, @Ctx() ctx: SubgraphContext): Promise<W.Activity[]> {
    return ctx.sources.schedule.loadBy('activities', 'teachers', duty.id);
  }
}
