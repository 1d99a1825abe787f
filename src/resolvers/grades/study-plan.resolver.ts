import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { requireId } from '../shared/ids';
import { StudyPlansArgs, studyPlansQuery } from './filters.args';
import { StudyPlan } from './study-plan.type';

export const { Connection: StudyPlanConnection } = ConnectionType(StudyPlan, 'StudyPlan');

@Resolver(() => StudyPlan)
export class StudyPlanResolver {
  @Query(() => StudyPlanConnection, { nullable: true, description: 'GET /studyplans' })
  studyPlans(@Args(() => StudyPlansArgs) args: StudyPlansArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.StudyPlan>> {
    return fetchConnection(ctx.sources.grades, 'studyplans', studyPlansQuery(args), args);
  }

  // /studyplans has no lookup: the source fetches GET /studyplans/{id}.
  @Query(() => StudyPlan, { nullable: true, description: 'GET /studyplans/{id}; null for an unknown id.' })
  studyPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.StudyPlan | null> {
    return ctx.sources.grades.load('studyplans', requireId(id));
  }
}
