/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Pre-reported absence: granted leave or reported absence (SS 12000 AbsenceEnum). */
export type AbsenceType =
  /** Anmäld frånvaro */
  | 'ANMALD_FRANVARO'
  /** Beviljad ledighet */
  | 'BEVILJAD_LEDIGHET';

/** Checking in or out (SS 12000 AttendanceEvent.eventType). */
export type AttendanceEventType =
  /** In */
  | 'IN'
  /** Ut */
  | 'UT';

/** POST /absences: a reported absence or granted leave. */
export type CreateAbsenceInput = {
  endTime: string;
  /** Makes a retry return the first result instead of writing again (as the Idempotency-Key header). */
  idempotencyKey?: string | null | undefined;
  /** The school unit the absence is reported to. */
  organisation?: string | number | null | undefined;
  /** The person who reported it. */
  registeredBy?: string | number | null | undefined;
  startTime: string;
  student: string | number;
  type: AbsenceType;
};

/** POST /attendanceEvents: a check-in or check-out. */
export type CreateAttendanceEventInput = {
  eventType: AttendanceEventType;
  /** The group (a preschool or leisure-time centre section). */
  group: string | number;
  /** Makes a retry return the first result instead of writing again (as the Idempotency-Key header). */
  idempotencyKey?: string | null | undefined;
  /** The child or student. */
  person: string | number;
  /** The person who registered the check-in or check-out. */
  registeredBy?: string | number | null | undefined;
  time: string;
};

/** Kind of group (SS 12000 GroupTypesEnum). */
export type GroupType =
  /** Avdelning */
  | 'AVDELNING'
  /** Klass */
  | 'KLASS'
  /** Mentor */
  | 'MENTOR'
  /** Övrigt */
  | 'OVRIGT'
  /** Personalgrupp */
  | 'PERSONALGRUPP'
  /** Provgrupp */
  | 'PROVGRUPP'
  /** Schema */
  | 'SCHEMA'
  /** Undervisning */
  | 'UNDERVISNING';

/** Kind of organisation element (SS 12000 OrganisationTypeEnum). */
export type OrganisationType =
  /** Bolag */
  | 'BOLAG'
  /** Förvaltning */
  | 'FORVALTNING'
  /** Huvudman */
  | 'HUVUDMAN'
  /** Övrigt */
  | 'OVRIGT'
  /** Rektorsområde */
  | 'REKTORSOMRADE'
  /** Skola */
  | 'SKOLA'
  /** Skolenhet */
  | 'SKOLENHET'
  /** Varumärke */
  | 'VARUMARKE'
  /** Verksamhetsområde */
  | 'VERKSAMHETSOMRADE';

/** SS 12000 RelationTypesEnum: how a responsible relates to a person. */
export type RelationType =
  /** Annan ansvarig */
  | 'ANNAN_ANSVARIG'
  /** God man */
  | 'GOD_MAN'
  /** Utsedd behörig */
  | 'UTSEDD_BEHORIG'
  /** Vårdnadshavare */
  | 'VARDNADSHAVARE';

export type AbsencePerUnitQueryVariables = Exact<{
  from: string;
  to: string;
  after?: string | null | undefined;
}>;


export type AbsencePerUnitQuery = { absenceSummary: { totalCount: number, total: { studentCount: number, offeredMinutes: number, absenceRate: number | null, invalidAbsenceRate: number | null } | null, suppressed: { rows: number, students: number }, edges: Array<{ node: { studentCount: number, offeredMinutes: number, validAbsenceMinutes: number, invalidAbsenceMinutes: number, absenceRate: number | null, invalidAbsenceRate: number | null, schoolUnit: { id: string, displayName: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PersonsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PersonsPageQuery = { persons: { edges: Array<{ cursor: string, node: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type SchoolUnitClassesQueryVariables = Exact<{
  id: string | number;
}>;


export type SchoolUnitClassesQuery = { organisation: { displayName: string | null, organisationType: OrganisationType | null, groups: Array<{ displayName: string | null, groupType: GroupType | null, groupMemberships: Array<{ person: { id: string, givenName: string | null, responsibles: Array<{ relationType: RelationType | null, person: { id: string, givenName: string | null, familyName: string | null } | null }> | null } | null }> | null }> | null } | null };

export type StudentOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type StudentOverviewQuery = { person: { givenName: string | null, familyName: string | null, enrolments: Array<{ schoolYear: number | null, enroledAt: { displayName: string | null } | null }> | null, groupMemberships: Array<{ group: { displayName: string | null, groupType: GroupType | null } | null }> | null, activities: Array<{ displayName: string | null, syllabus: { subjectName: string } | null }> | null, absences: Array<{ type: AbsenceType, startTime: string }> | null, grades: Array<{ gradeValue: string, registeredDate: string }> | null } | null };

export type CheckInMutationVariables = Exact<{
  input: CreateAttendanceEventInput;
}>;


export type CheckInMutation = { createAttendanceEvent: { attendanceEvent: { id: string, eventType: AttendanceEventType, time: string, person: { id: string }, group: { id: string }, registeredBy: { id: string } | null } | null } | null };

export type ReportAbsenceMutationVariables = Exact<{
  input: CreateAbsenceInput;
}>;


export type ReportAbsenceMutation = { createAbsence: { absence: { id: string, type: AbsenceType, startTime: string, endTime: string, student: { id: string }, organisation: { id: string } | null } | null } | null };
