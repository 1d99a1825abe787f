// Entities other producers own. Attendance only hands out their `{ id }` and lets the gateway
// resolve the rest. Each stub is a class of its own (entity-stub.ts), so it never collides with the
// owners' full types in type-graphql's global metadata storage. The reverse links they carry are
// nullable: when this producer fails, the link is null with an error, and the parent another subgraph
// resolved survives.
import { entityStub, type EntityStub } from '../shared/entity-stub';

export const OrganisationStub = entityStub('Organisation');
export type OrganisationStub = EntityStub;

export const GroupStub = entityStub('Group');
export type GroupStub = EntityStub;

export const PlacementStub = entityStub('Placement');
export type PlacementStub = EntityStub;

export const ActivityStub = entityStub('Activity');
export type ActivityStub = EntityStub;

/** Contributes Person.attendances and Person.absences (person.resolver.ts). */
export const PersonStub = entityStub('Person');
export type PersonStub = EntityStub;

/** Contributes CalendarEvent.attendances (calendar-event.resolver.ts). */
export const CalendarEventStub = entityStub('CalendarEvent');
export type CalendarEventStub = EntityStub;
