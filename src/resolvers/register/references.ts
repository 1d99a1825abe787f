// Federation entry points: the gateway hands register `{ id }` of an entity another subgraph
// referenced; each goes through the request's loaders (batched, null for unknown ids).
import type { ResourceName } from '../../ss12000/resources';
import type { ReferenceResolver } from '../shared/subgraph';

const byId =
  (name: ResourceName): ReferenceResolver =>
  (reference, ctx) =>
    ctx.sources.register.load(name, reference.id);

export const registerReferences: Record<string, ReferenceResolver> = {
  Organisation: byId('organisations'),
  Person: byId('persons'),
  Placement: byId('placements'),
  Duty: byId('duties'),
  Group: byId('groups'),
  Programme: byId('programmes'),
  Syllabus: byId('syllabuses'),
};
