// Write grants: what a supplier may change, apart from what it may read (the presets). One grant per
// SS 12000 path the attendance producer accepts writes on, each opening that path's mutations. A
// supplier with no `writes` in the suppliers file has none: deny by default, as for reads.

export const WRITE_GRANTS = ['attendances', 'attendanceEvents', 'attendanceSchedule', 'absences'] as const;

export type WriteGrant = (typeof WRITE_GRANTS)[number];

/**
 * The `Mutation` fields each grant opens. SS 12000 defines DELETE on /attendances, /attendanceEvents
 * and /attendanceSchedule, but not on /absences: a reported absence is withdrawn at the producer.
 */
export const WRITE_GRANT_MUTATIONS: Readonly<Record<WriteGrant, readonly string[]>> = {
  attendances: ['createAttendance', 'deleteAttendance'],
  attendanceEvents: ['createAttendanceEvent', 'deleteAttendanceEvent'],
  attendanceSchedule: ['createAttendanceSchedule', 'deleteAttendanceSchedule'],
  absences: ['createAbsence'],
};

/** Whether `writes` open the mutation `fieldName` (`Mutation.<fieldName>`). */
export const mayWrite = (writes: readonly WriteGrant[] | undefined, fieldName: string): boolean =>
  (writes ?? []).some((grant) => WRITE_GRANT_MUTATIONS[grant].includes(fieldName));
