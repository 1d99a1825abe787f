// What the graph adds to SS 12000's types, in one list for the tests that hold the graph and the
// presets to the spec: the reverse links people otherwise join by hand (README), and the local-time
// companions of the times people read (resolvers/shared/local-time.ts).
export const GRAPH_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Absence: ['localStartTime', 'localEndTime'],
  Activity: ['calendarEvents'],
  AttendanceEvent: ['localTime'],
  CalendarEvent: ['attendances', 'localStartTime', 'localEndTime', 'expectedStudents'],
  Duty: ['activities'],
  Group: ['activities', 'duties', 'mentors'],
  Organisation: ['children', 'groups', 'persons', 'duties', 'placements', 'schoolUnitOfferings', 'activities'],
  Person: [
    'attendances',
    'absences',
    'grades',
    'studyPlans',
    'placements',
    'ownedPlacements',
    'groupMemberships',
    'duties',
    'responsibleFor',
    'activities',
    'calendarEvents',
    'attendanceEvents',
  ],
  Placement: ['attendanceSchedules'],
  Room: ['calendarEvents'],
  // A write's inputs take the Idempotency-Key in the body too (README: Writing).
  CreateAbsenceInput: ['idempotencyKey'],
  CreateAttendanceEventInput: ['idempotencyKey'],
  CreateAttendanceInput: ['idempotencyKey'],
  CreateAttendanceScheduleInput: ['idempotencyKey'],
  // The spec's schema has no id, yet the spec serves /schoolUnitOfferings/{id}: the id producers send is kept.
  SchoolUnitOffering: ['id'],
};

export const isGraphField = (type: string, field: string): boolean => GRAPH_FIELDS[type]?.includes(field) ?? false;
