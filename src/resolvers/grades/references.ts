// How the gateway turns `{ id }` into an object of this subgraph. Grades' own entities go through the
// per-request loader (null for an unknown id); other domains' entities are stubs.
import type { SubgraphContext } from '../shared/context';

const stub = (ref: { id: string }) => ({ id: ref.id });

export const gradesReferences = {
  Grade: (ref: { id: string }, ctx: SubgraphContext) => ctx.sources.grades.load('grades', ref.id),
  StudyPlan: (ref: { id: string }, ctx: SubgraphContext) => ctx.sources.grades.load('studyplans', ref.id),
  Person: stub,
  Group: stub,
  Organisation: stub,
  Syllabus: stub,
};
