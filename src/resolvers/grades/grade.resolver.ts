import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { requireId } from '../shared/ids';
import { GradesArgs, gradesQuery } from './filters.args';
import { Grade } from './grade.type';
import { OrganisationStub } from './stubs.type';

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

  // The spec's Grade requires `schoolUnit` but defines the property as `organisation`: a producer
  // may send either, and both are the grade's unit (the row scope reads it the same way: owners.ts).
  @FieldResolver(() => OrganisationStub, { nullable: true, description: 'The school unit.' })
  organisation(@Root() grade: W.Grade & { schoolUnit?: { id: string } }): { id: string } | null {
    return grade.organisation ?? grade.schoolUnit ?? null;
  }
}
