// Attendance (närvarohantering): attendances, attendanceEvents, attendanceSchedule, absences,
// plus the list-only /aggregatedAttendance. Reverse lookups:
import { batchedBy, byTime, listFilter, perKey, type DomainSpec } from '../shared/domain';

export const attendanceDomain: DomainSpec = {
  producer: 'attendance',
  reverseLookups: {
    attendances: {
      students: batchedBy((attendance) => [attendance.student.id]),
      // Spelled `calendareEvents` in the spec; producers follow the spec.
      calendareEvents: batchedBy((attendance) => [attendance.calendarEvent.id]),
      // An attendance names its calendar event, not the event's activity.
      activities: perKey,
    },
    attendanceEvents: {
      person: batchedBy((event) => [event.person.id]),
      group: batchedBy((event) => [event.group.id]),
    },
    // `/absences/lookup` takes only ids and `/absences?student=` one uuid: one walk per distinct student.
    absences: {
      student: listFilter,
    },
    attendanceSchedule: {
      placement: batchedBy((schedule) => [schedule.placement.id]),
    },
  },
  // Attendances name only their lesson, whose time is the schedule producer's: ordered by the resolver.
  order: { absences: byTime('startTime'), attendanceEvents: byTime('time') },
};
