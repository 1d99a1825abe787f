// How the gateway turns `{ id }` into an object of this subgraph. Schedule's own entities go through
// the per-request loader (batched /lookup, null for an unknown id); other domains' entities are stubs.
import type { SubgraphContext } from '../shared/context';

const stub = (ref: { id: string }) => ({ id: ref.id });

export const scheduleReferences = {
  Activity: (ref: { id: string }, ctx: SubgraphContext) => ctx.sources.schedule.load('activities', ref.id),
  CalendarEvent: (ref: { id: string }, ctx: SubgraphContext) => ctx.sources.schedule.load('calendarEvents', ref.id),
  Room: (ref: { id: string }, ctx: SubgraphContext) => ctx.sources.schedule.load('rooms', ref.id),
  Resource: (ref: { id: string }, ctx: SubgraphContext) => ctx.sources.schedule.load('resources', ref.id),
  Person: stub,
  Group: stub,
  Duty: stub,
  Organisation: stub,
  Syllabus: stub,
};
