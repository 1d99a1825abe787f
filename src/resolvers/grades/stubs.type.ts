// Entities the register producer owns. Grades only hands out their `{ id }` and lets the gateway
// resolve the rest. Each stub is a class of its own (entity-stub.ts), so it never collides with
// register's full types in type-graphql's global metadata storage. The reverse links they carry are
// nullable: when this producer fails, the link is null with an error, and the parent another subgraph
// resolved survives.
import { entityStub, type EntityStub } from '../shared/entity-stub';

export const OrganisationStub = entityStub('Organisation');
export type OrganisationStub = EntityStub;

export const GroupStub = entityStub('Group');
export type GroupStub = EntityStub;

export const SyllabusStub = entityStub('Syllabus');
export type SyllabusStub = EntityStub;

/** Contributes Person.grades (person.resolver.ts). */
export const PersonStub = entityStub('Person');
export type PersonStub = EntityStub;
