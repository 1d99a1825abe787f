import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { fetchConnection, type Connection } from '../shared/connection';
import { requireId } from '../shared/ids';
import { SyllabusConnection } from './connections';
import { SyllabusesArgs, syllabusesQuery } from './filters.args';
import { Syllabus } from './syllabus.type';

@Resolver(() => Syllabus)
export class SyllabusResolver {
  @Query(() => SyllabusConnection, { nullable: true, description: 'GET /syllabuses' })
  syllabuses(@Args(() => SyllabusesArgs) args: SyllabusesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Syllabus>> {
    return fetchConnection(ctx.sources.register, 'syllabuses', syllabusesQuery(args), args);
  }

  @Query(() => Syllabus, { nullable: true, description: 'GET /syllabuses/{id}; null for an unknown id.' })
  syllabus(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Syllabus | null> {
    return ctx.sources.register.load('syllabuses', requireId(id));
  }
}
