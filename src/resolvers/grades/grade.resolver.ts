import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { requireId } from '../shared/ids';
import { GradesArgs, gradesQuery } from './filters.args';
import { Grade } from './grade.type';

export const { Connection: GradeConnection } = ConnectionType(Grade, 'Grade');

@Resolver(() => Grade)
export class GradeResolver {
  @Query(() => GradeConnection, { nullable: true, description: 'GET /grades' })
  grades(@Args(() => GradesArgs) args: GradesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Grade>> {
    return fetchConnection(ctx.sources.grades, 'grades', gradesQuery(args), args);
  }

  @Query(() => Grade, { nullable: true, description: 'GET /grades/{id}; null for an unknown id.' })
  grade(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Grade | null> {
    return ctx.sources.grades.load('grades', requireId(id));
  }
}
