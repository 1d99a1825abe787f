import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { fetchConnection, type Connection } from '../shared/connection';
import { requireId } from '../shared/ids';
import { DutyConnection } from './connections';
import { Duty } from './duty.type';
import { DutiesArgs, dutiesQuery } from './filters.args';
import { Organisation } from './organisation.type';
import { Person } from './person.type';
import { loadRef } from './refs';

@Resolver(() => Duty)
export class DutyResolver {
  @Query(() => DutyConnection, { nullable: true, description: 'GET /duties' })
  duties(@Args(() => DutiesArgs) args: DutiesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Duty>> {
    return fetchConnection(ctx.sources.register, 'duties', dutiesQuery(args), args);
  }

  @Query(() => Duty, { nullable: true, description: 'GET /duties/{id}; null for an unknown id.' })
  duty(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Duty | null> {
    return ctx.sources.register.load('duties', requireId(id));
  }

  @FieldResolver(() => Person, { nullable: true })
  person(@Root() duty: W.Duty, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'persons', duty.person);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  dutyAt(@Root() duty: W.Duty, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'organisations', duty.dutyAt);
  }
}
