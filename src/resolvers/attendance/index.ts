import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from '../shared/subgraph';
import { AbsenceResolver } from './absence.resolver';
import { AggregatedAttendanceResolver } from './aggregated-attendance.resolver';
import { AttendanceEventResolver } from './attendance-event.resolver';
import { AttendanceScheduleResolver } from './attendance-schedule.resolver';
import { AttendanceResolver } from './attendance.resolver';
import { CalendarEventResolver } from './calendar-event.resolver';
import { AbsenceLocalTimesResolver, AttendanceEventLocalTimesResolver } from './local-times.resolver';
import { PersonResolver } from './person.resolver';
import { PlacementResolver } from './placement.resolver';
import { attendanceReferences } from './references';
import { AbsenceSummaryResolver } from './summary/summary.resolver';
import { WritesResolver } from './writes/writes.resolver';

/** The attendance subgraph: /attendances, /attendanceEvents, /attendanceSchedule, /absences, /aggregatedAttendance, and their writes. */
export async function buildAttendanceSubgraph(): Promise<GraphQLSchema> {
  return buildSubgraph({
    name: 'attendance',
    resolvers: [
      AttendanceResolver,
      AttendanceEventResolver,
      AttendanceScheduleResolver,
      AbsenceResolver,
      AbsenceLocalTimesResolver,
      AttendanceEventLocalTimesResolver,
      AggregatedAttendanceResolver,
      PersonResolver,
      PlacementResolver,
      CalendarEventResolver,
      AbsenceSummaryResolver,
      WritesResolver,
    ],
    references: attendanceReferences,
  });
}
