import { ss12000Enum } from '../shared/enums';

export const AbsenceType = ss12000Enum(
  'AbsenceType',
  ['Beviljad ledighet', 'Anmäld frånvaro'] as const,
  'Pre-reported absence: granted leave or reported absence (SS 12000 AbsenceEnum).',
);

export const AttendanceEventType = ss12000Enum(
  'AttendanceEventType',
  ['In', 'Ut'] as const,
  'Checking in or out (SS 12000 AttendanceEvent.eventType).',
);

export const AttendanceScheduleStateType = ss12000Enum(
  'AttendanceScheduleStateType',
  ['Godkänt', 'Begärt', 'Nekat'] as const,
  'Approval state of an attendance schedule (SS 12000 AttendanceScheduleState.state).',
);

export const DayOfWeek = ss12000Enum(
  'DayOfWeek',
  ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lördag', 'Söndag'] as const,
  'Weekday of an attendance schedule entry.',
);

export const AbsenceSortkey = ss12000Enum(
  'AbsenceSortkey',
  ['ModifiedDesc', 'StartTimeAsc', 'StartTimeDesc'] as const,
  'Sort order of /absences.',
);
