import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from '../shared/subgraph';
import { GradeResolver } from './grade.resolver';
import { PersonResolver } from './person.resolver';
import { gradesReferences } from './references';
import { StudyPlanResolver } from './study-plan.resolver';

/** The grades subgraph: /grades and /studyplans, plus Person.grades. */
export async function buildGradesSubgraph(): Promise<GraphQLSchema> {
  return buildSubgraph({
    name: 'grades',
    resolvers: [GradeResolver, StudyPlanResolver, PersonResolver],
    references: gradesReferences,
  });
}
