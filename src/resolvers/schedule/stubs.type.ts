// Entities the register producer owns. Schedule only hands out their `{ id }` and lets the gateway
// resolve the rest. Each stub is a class of its own (entity-stub.ts), so it never collides with
// register's full types in type-graphql's global metadata storage. The reverse links they carry are
// nullable: when this producer fails, the link is null with an error, and the parent another subgraph
// resolved survives.
import { entityStub, type EntityStub } from '../shared/entity-stub';

export const OrganisationStub = entityStub('Organisation');
export type OrganisationStub = EntityStub;

export const SyllabusStub = entityStub('Syllabus');
export type SyllabusStub = EntityStub;

/** Contributes Group.activities (group.resolver.ts). */
export const GroupStub = entityStub('Group');
export type GroupStub = EntityStub;

/** Contributes Duty.activities (duty.resolver.ts). */
export const DutyStub = entityStub('Duty');
export type DutyStub = EntityStub;

/** Contributes Person.activities (person.resolver.ts). */
export const PersonStub = entityStub('Person');
export type PersonStub = EntityStub;
