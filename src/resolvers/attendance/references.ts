// How the gateway turns `{ id }` into an object of this subgraph. Attendance's own entities go through
// the per-request loader (batched /lookup, null for an unknown id); other domains' entities are stubs.
import type { SubgraphContext } from '../shared/context';

const stub = (ref: { id: string }) => ({ id: ref.id });

export const attendanceReferences = {
  Attendance: (ref: { id: string }, ctx: SubgraphContext) => ctx.sources.attendance.load('attendances', ref.id),
  AttendanceEvent: (ref: { id: string }, ctx: SubgraphContext) => ctx.sources.attendance.load('attendanceEvents', ref.id),
  AttendanceSchedule: (ref: { id: string }, ctx: SubgraphContext) => ctx.sources.attendance.load('attendanceSchedule', ref.id),
  Absence: (ref: { id: string }, ctx: SubgraphContext) => ctx.sources.attendance.load('absences', ref.id),
  Person: stub,
  CalendarEvent: stub,
  Activity: stub,
  Group: stub,
  Organisation: stub,
  Placement: stub,
};
