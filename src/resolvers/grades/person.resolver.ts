import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { Grade } from './grade.type';
import { StudyPlan } from './study-plan.type';
import { PersonStub } from './stubs.type';

// /grades/lookup takes only ids and /studyplans has no lookup, so both walk the list filtered by
// student (batched by the source's loaders, sources/grades/index.ts): study plans one walk per page of
// students (the spec's `student` filter is an array); grades one walk per distinct student (one uuid).
@Resolver(() => PersonStub)
export class PersonResolver {
  @FieldResolver(() => [Grade], { nullable: true, description: "The student's registered grades." })
  grades(@Root() person: PersonStub, @Ctx() ctx: SubgraphContext): Promise<W.Grade[]> {
    return ctx.sources.grades.loadBy('grades', 'student', person.id);
  }

  @FieldResolver(() => [StudyPlan], { nullable: true, description: "The student's study plans." })
  studyPlans(@Root() person: PersonStub, @Ctx() ctx: SubgraphContext): Promise<W.StudyPlan[]> {
    return ctx.sources.grades.loadBy('studyplans', 'student', person.id);
  }
}
