import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { fetchConnection, type Connection } from '../shared/connection';
import { requireId } from '../shared/ids';
import { ProgrammeConnection } from './connections';
import { ProgrammesArgs, programmesQuery } from './filters.args';
import { Programme } from './programme.type';
import { loadRef } from './refs';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => ProgrammeConnection, { nullable: true, description: 'GET /programmes' })
  programmes(@Args(() => ProgrammesArgs) args: ProgrammesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Programme>> {
    return fetchConnection(ctx.sources.register, 'programmes', programmesQuery(args), args);
  }

  @Query(() => Programme, { nullable: true, description: 'GET /programmes/{id}; null for an unknown id.' })
  programme(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Programme | null> {
    return ctx.sources.register.load('programmes', requireId(id));
  }

  @FieldResolver(() => Programme, { nullable: true })
  parentProgramme(@Root() programme: W.Programme, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'programmes', programme.parentProgramme);
  }
}
