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

/** The kind of an activity (SS 12000 Activity.activityType). */
export type ActivityType =
  /** Elevaktivitet */
  | 'ELEVAKTIVITET'
  /** Läraraktivitet */
  | 'LARARAKTIVITET'
  /** Övrigt */
  | 'OVRIGT'
  /** Provaktivitet */
  | 'PROVAKTIVITET'
  /** Undervisning */
  | 'UNDERVISNING';

/** Role of a duty towards a group (SS 12000 AssignmentRoleTypeEnum). */
export type AssignmentRoleType =
  /** Administrativ personal */
  | 'ADMINISTRATIV_PERSONAL'
  /** Barnskötare */
  | 'BARNSKOTARE'
  /** Elevhälsopersonal */
  | 'ELEVHALSOPERSONAL'
  /** Förskollärare */
  | 'FORSKOLLARARE'
  /** Fritidspedagog */
  | 'FRITIDSPEDAGOG'
  /** Lärarassistent */
  | 'LARARASSISTENT'
  /** Mentor */
  | 'MENTOR'
  /** Pedagogisk ledare */
  | 'PEDAGOGISK_LEDARE'
  /** Schemaläggare */
  | 'SCHEMALAGGARE'
  /** Specialpedagog */
  | 'SPECIALPEDAGOG';

/** Checking in or out (SS 12000 AttendanceEvent.eventType). */
export type AttendanceEventType =
  /** In */
  | 'IN'
  /** Ut */
  | 'UT';

/** Approval state of an attendance schedule (SS 12000 AttendanceScheduleState.state). */
export type AttendanceScheduleStateType =
  /** Begärt */
  | 'BEGART'
  /** Godkänt */
  | 'GODKANT'
  /** Nekat */
  | 'NEKAT';

/** POST /absences: a reported absence or granted leave. */
export type CreateAbsenceInput = {
  /** Sluttid för den anmälda frånvaron (RFC 3339, format tex "2015-12-12T10:30:00+01:00"). */
  endTime: string;
  /** Makes a retry return the first result instead of writing again (as the Idempotency-Key header). */
  idempotencyKey?: string | null | undefined;
  /** The school unit the absence is reported to. */
  organisation?: string | number | null | undefined;
  /** The person who reported it. */
  registeredBy?: string | number | null | undefined;
  /** Starttid för den anmälda frånvaron (RFC 3339 format, tex "2015-12-12T10:30:00+01:00"). */
  startTime: string;
  /** Referens till en person */
  student: string | number;
  /** Anger om frånvaron är en beviljad ledighet eller en annan typ av anmäld frånvaro. */
  type: AbsenceType;
};

/** POST /attendanceEvents: a check-in or check-out. */
export type CreateAttendanceEventInput = {
  /** Checking in or out (SS 12000 AttendanceEvent.eventType). */
  eventType: AttendanceEventType;
  /** The group (a preschool or leisure-time centre section). */
  group: string | number;
  /** Makes a retry return the first result instead of writing again (as the Idempotency-Key header). */
  idempotencyKey?: string | null | undefined;
  /** The child or student. */
  person: string | number;
  /** The person who registered the check-in or check-out. */
  registeredBy?: string | number | null | undefined;
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  time: string;
};

/** Weekday of an attendance schedule entry. */
export type DayOfWeek =
  /** Fredag */
  | 'FREDAG'
  /** Lördag */
  | 'LORDAG'
  /** Måndag */
  | 'MANDAG'
  /** Onsdag */
  | 'ONSDAG'
  /** Söndag */
  | 'SONDAG'
  /** Tisdag */
  | 'TISDAG'
  /** Torsdag */
  | 'TORSDAG';

/** Role of a duty (SS 12000 DutyRole). */
export type DutyRole =
  /** Annan personal */
  | 'ANNAN_PERSONAL'
  /** Barnskötare */
  | 'BARNSKOTARE'
  /** Bibliotekarie */
  | 'BIBLIOTEKARIE'
  /** Förskolechef */
  | 'FORSKOLECHEF'
  /** Förskollärare */
  | 'FORSKOLLARARE'
  /** Förstelärare */
  | 'FORSTELARARE'
  /** Fritidspedagog */
  | 'FRITIDSPEDAGOG'
  /** Kurator */
  | 'KURATOR'
  /** Lärarassistent */
  | 'LARARASSISTENT'
  /** Lärare */
  | 'LARARE'
  /** Övrig arbetsledning */
  | 'OVRIG_ARBETSLEDNING'
  /** Övrig pedagogisk personal */
  | 'OVRIG_PEDAGOGISK_PERSONAL'
  /** Rektor */
  | 'REKTOR'
  /** Skoladministratör */
  | 'SKOLADMINISTRATOR'
  /** Skolläkare */
  | 'SKOLLAKARE'
  /** Skolpsykolog */
  | 'SKOLPSYKOLOG'
  /** Skolsköterska */
  | 'SKOLSKOTERSKA'
  /** Speciallärare/specialpedagog */
  | 'SPECIALLARARE_SPECIALPEDAGOG'
  /** Studie- och yrkesvägledare */
  | 'STUDIE_OCH_YRKESVAGLEDARE';

/** SS 12000 Email.type. */
export type EmailType =
  /** Arbete övrigt */
  | 'ARBETE_OVRIGT'
  /** Privat */
  | 'PRIVAT'
  /** Skola elev */
  | 'SKOLA_ELEV'
  /** Skola personal */
  | 'SKOLA_PERSONAL';

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

/** SS 12000 Person.addresses[].type. */
export type PersonAddressType =
  /** Folkbokföring */
  | 'FOLKBOKFORING'
  /** Postadress */
  | 'POSTADRESS'
  /** Särskild postadress */
  | 'SARSKILD_POSTADRESS'
  /** Tillfällig adress */
  | 'TILLFALLIG_ADRESS';

/** SS 12000 Person.personStatus. */
export type PersonStatus =
  /** Aktiv */
  | 'AKTIV'
  /** Avliden */
  | 'AVLIDEN'
  /** Utvandrad */
  | 'UTVANDRAD';

/** SS 12000 Phonenumber.type. */
export type PhoneNumberType =
  /** Arbete */
  | 'ARBETE'
  /** Hem */
  | 'HEM';

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

/** School type (SS 12000 SchoolTypesEnum). */
export type SchoolType =
  /** ABU */
  | 'ABU'
  /** AU */
  | 'AU'
  /** FHS */
  | 'FHS'
  /** FKLASS */
  | 'FKLASS'
  /** FS */
  | 'FS'
  /** FTH */
  | 'FTH'
  /** GR */
  | 'GR'
  /** GRS */
  | 'GRS'
  /** GY */
  | 'GY'
  /** GYS */
  | 'GYS'
  /** HS */
  | 'HS'
  /** KKU */
  | 'KKU'
  /** KU */
  | 'KU'
  /** OPPFTH */
  | 'OPPFTH'
  /** SAM */
  | 'SAM'
  /** SARVUX */
  | 'SARVUX'
  /** SARVUXGR */
  | 'SARVUXGR'
  /** SARVUXGY */
  | 'SARVUXGY'
  /** SFI */
  | 'SFI'
  /** SP */
  | 'SP'
  /** STF */
  | 'STF'
  /** TR */
  | 'TR'
  /** VUX */
  | 'VUX'
  /** VUXGR */
  | 'VUXGR'
  /** VUXGY */
  | 'VUXGY'
  /** VUXSARGR */
  | 'VUXSARGR'
  /** VUXSARGY */
  | 'VUXSARGY'
  /** VUXSARTR */
  | 'VUXSARTR'
  /** VUXSFI */
  | 'VUXSFI'
  /** YH */
  | 'YH';

/** Protected identity marking from the population register (SS 12000 Person.securityMarking). */
export type SecurityMarking =
  /** Ingen */
  | 'INGEN'
  /** Sekretessmarkering */
  | 'SEKRETESSMARKERING'
  /** Skyddad folkbokföring */
  | 'SKYDDAD_FOLKBOKFORING';

/** Part of an upper-secondary study plan (SS 12000 StudyPlanContent.type). */
export type StudyPlanContentType =
  /** Borttagna */
  | 'BORTTAGNA'
  /** Gymnasiearbete */
  | 'GYMNASIEARBETE'
  /** Gymnasiegemensamma */
  | 'GYMNASIEGEMENSAMMA'
  /** Individuellt val */
  | 'INDIVIDUELLT_VAL'
  /** Inriktning */
  | 'INRIKTNING'
  /** Programfördjupning */
  | 'PROGRAMFORDJUPNING'
  /** Programgemensamma */
  | 'PROGRAMGEMENSAMMA'
  /** Utökade */
  | 'UTOKADE';

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

export type SchoolUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolUnitsQuery = { organisations: { edges: Array<{ node: { id: string, displayName: string | null, schoolUnitCode: string | null, organisationCode: string | null, schoolTypes: Array<SchoolType> | null, municipalityCode: string | null, email: string | null, phoneNumber: string | null, address: { streetAddress: string, postalCode: string, locality: string } | null, parentOrganisation: { id: string, displayName: string | null, organisationType: OrganisationType | null, organisationNumber: string | null } | null } }> } | null };

export type ClassListsQueryVariables = Exact<{
  schoolUnitCode: string;
}>;


export type ClassListsQuery = { organisations: { edges: Array<{ node: { id: string, displayName: string | null, groups: Array<{ id: string, displayName: string | null, schoolType: SchoolType | null, mentors: Array<{ id: string, givenName: string | null, familyName: string | null, emails: Array<{ value: string, type: EmailType }> | null }> | null, groupMemberships: Array<{ startDate: string | null, endDate: string | null, person: { id: string, givenName: string | null, familyName: string | null, securityMarking: SecurityMarking | null, enrolments: Array<{ schoolYear: number | null, schoolType: SchoolType, enroledAt: { id: string } | null }> | null } | null }> | null }> | null } }> } | null };

export type UserProvisioningQueryVariables = Exact<{
  unit: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UserProvisioningQuery = { organisation: { id: string, displayName: string | null, persons: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, givenName: string | null, familyName: string | null, securityMarking: SecurityMarking | null, personStatus: PersonStatus | null, eduPersonPrincipalNames: Array<string> | null, externalIdentifiers: Array<{ value: string, context: string, globallyUnique: boolean }> | null, emails: Array<{ value: string, type: EmailType }> | null, enrolments: Array<{ schoolYear: number | null, schoolType: SchoolType, enroledAt: { id: string } | null }> | null, duties: Array<{ id: string, dutyRole: DutyRole | null, dutyAt: { id: string } | null }> | null, responsibleFor: Array<{ relationType: RelationType | null, person: { id: string } | null }> | null } }> } | null } | null };

export type GuardiansQueryVariables = Exact<{
  student: string | number;
}>;


export type GuardiansQuery = { person: { id: string, givenName: string | null, familyName: string | null, enrolments: Array<{ schoolYear: number | null, enroledAt: { id: string, displayName: string | null } | null }> | null, responsibles: Array<{ relationType: RelationType | null, person: { id: string, givenName: string | null, familyName: string | null, emails: Array<{ value: string, type: EmailType }> | null, phoneNumbers: Array<{ value: string, type: PhoneNumberType, mobile: boolean }> | null, addresses: Array<{ type: PersonAddressType, streetAddress: string, postalCode: string, locality: string }> | null, responsibleFor: Array<{ relationType: RelationType | null, person: { id: string } | null }> | null } | null }> | null } | null };

export type StaffDutiesQueryVariables = Exact<{
  unit: string | number;
}>;


export type StaffDutiesQuery = { organisation: { id: string, displayName: string | null, duties: { edges: Array<{ node: { id: string, dutyRole: DutyRole | null, dutyPercent: number | null, signature: string | null, startDate: string | null, dutyAt: { id: string } | null, person: { id: string, givenName: string | null, familyName: string | null } | null, assignmentRole: Array<{ assignmentRoleType: AssignmentRoleType, group: { id: string, displayName: string | null } | null }> | null } }> } | null } | null };

export type TeachingAssignmentsQueryVariables = Exact<{
  unit: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TeachingAssignmentsQuery = { organisation: { id: string, displayName: string | null, activities: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, displayName: string | null, activityType: ActivityType | null, minutesPlanned: number | null, startDate: string | null, endDate: string | null, organisation: { id: string } | null, syllabus: { id: string, subjectName: string, courseCode: string | null } | null, groups: Array<{ id: string, displayName: string | null, groupType: GroupType | null }> | null, teachers: Array<{ minutesPlanned: number | null, grader: boolean | null, duty: { id: string, dutyAt: { id: string } | null, person: { id: string, givenName: string | null, familyName: string | null } | null } }> | null } }> } | null } | null };

export type TeacherScheduleQueryVariables = Exact<{
  duty: string | number;
  start: string;
  end: string;
}>;


export type TeacherScheduleQuery = { duty: { id: string, person: { id: string, givenName: string | null, familyName: string | null } | null, activities: Array<{ id: string, displayName: string | null, groups: Array<{ id: string, displayName: string | null }> | null, calendarEvents: Array<{ id: string, startTime: string | null, endTime: string | null, cancelled: boolean | null, rooms: Array<{ id: string, displayName: string }> | null, teacherExceptions: Array<{ participates: boolean, duty: { id: string } }> | null }> | null }> | null } | null };

export type StudentScheduleQueryVariables = Exact<{
  student: string | number;
  start: string;
  end: string;
}>;


export type StudentScheduleQuery = { person: { id: string, givenName: string | null, familyName: string | null, calendarEvents: Array<{ id: string, startTime: string | null, endTime: string | null, cancelled: boolean | null, activity: { id: string, displayName: string | null, syllabus: { subjectName: string } | null, teachers: Array<{ duty: { person: { givenName: string | null, familyName: string | null } | null } }> | null } | null, rooms: Array<{ id: string, displayName: string }> | null }> | null } | null };

export type RoomScheduleQueryVariables = Exact<{
  unit: string | number;
  start: string;
  end: string;
}>;


export type RoomScheduleQuery = { rooms: { edges: Array<{ node: { id: string, displayName: string, seats: number | null, owner: { id: string }, calendarEvents: Array<{ id: string, startTime: string | null, endTime: string | null, rooms: Array<{ id: string }> | null, activity: { id: string, displayName: string | null } | null }> | null } }> } | null };

export type LessonRollCallQueryVariables = Exact<{
  event: string | number;
}>;


export type LessonRollCallQuery = { calendarEvent: { id: string, startTime: string | null, endTime: string | null, cancelled: boolean | null, activity: { id: string, displayName: string | null, groups: Array<{ id: string, displayName: string | null }> | null } | null, studentExceptions: Array<{ participates: boolean, student: { id: string } }> | null, expectedStudents: Array<{ id: string, givenName: string | null, familyName: string | null, securityMarking: SecurityMarking | null }> | null, attendances: Array<{ isReported: boolean, attendanceMinutes: number | null, validAbsenceMinutes: number | null, invalidAbsenceMinutes: number | null, absenceReason: string | null, student: { id: string } }> | null } | null };

export type CheckInMutationVariables = Exact<{
  input: CreateAttendanceEventInput;
}>;


export type CheckInMutation = { createAttendanceEvent: { attendanceEvent: { id: string, eventType: AttendanceEventType, time: string, person: { id: string }, group: { id: string }, registeredBy: { id: string } | null } | null } | null };

export type ReportAbsenceMutationVariables = Exact<{
  input: CreateAbsenceInput;
}>;


export type ReportAbsenceMutation = { createAbsence: { absence: { id: string, type: AbsenceType, startTime: string, endTime: string, student: { id: string }, organisation: { id: string } | null } | null } | null };

export type StudentAttendanceQueryVariables = Exact<{
  student: string | number;
  startDate: string;
  endDate: string;
}>;


export type StudentAttendanceQuery = { person: { id: string, givenName: string | null, familyName: string | null, attendances: Array<{ id: string, attendanceMinutes: number | null, validAbsenceMinutes: number | null, invalidAbsenceMinutes: number | null, absenceReason: string | null, calendarEvent: { id: string, startTime: string | null, activity: { displayName: string | null } | null } }> | null, absences: Array<{ id: string, type: AbsenceType, startTime: string, endTime: string, registeredBy: { id: string } | null }> | null } | null };

export type AbsenceFollowUpQueryVariables = Exact<{
  startDate: string;
  endDate: string;
}>;


export type AbsenceFollowUpQuery = { absenceSummary: { total: { studentCount: number, offeredMinutes: number, validAbsenceMinutes: number, invalidAbsenceMinutes: number, absenceRate: number | null } | null, edges: Array<{ node: { studentCount: number, offeredMinutes: number, validAbsenceMinutes: number, invalidAbsenceMinutes: number, absenceRate: number | null, schoolUnit: { id: string, displayName: string | null, schoolUnitCode: string | null } | null } }> } };

export type ChildCareScheduleQueryVariables = Exact<{
  unit: string | number;
  first?: number | null | undefined;
}>;


export type ChildCareScheduleQuery = { organisation: { id: string, displayName: string | null, placements: { edges: Array<{ node: { id: string, schoolType: SchoolType | null, startDate: string | null, maxWeeklyScheduleHours: number | null, placedAt: { id: string } | null, group: { id: string, displayName: string | null } | null, child: { id: string, givenName: string | null, familyName: string | null, attendanceEvents: Array<{ eventType: AttendanceEventType, time: string, group: { id: string } }> | null } | null, owners: Array<{ id: string, givenName: string | null, familyName: string | null }> | null, attendanceSchedules: Array<{ id: string, numberOfWeeks: number, startDate: string, state: Array<{ state: AttendanceScheduleStateType, registeredAt: string }>, placement: { id: string }, scheduleEntries: Array<{ weekOffset: number, dayOfWeek: DayOfWeek, startTime: string, endTime: string }> | null }> | null } }> } | null } | null };

export type MentorOverviewQueryVariables = Exact<{
  duty: string | number;
  startDate: string;
  endDate: string;
}>;


export type MentorOverviewQuery = { duty: { id: string, person: { id: string, givenName: string | null, familyName: string | null } | null, assignmentRole: Array<{ assignmentRoleType: AssignmentRoleType, group: { id: string, displayName: string | null, duties: Array<{ id: string }> | null, mentors: Array<{ id: string }> | null, activities: Array<{ id: string, displayName: string | null, activityType: ActivityType | null, teachers: Array<{ duty: { id: string } }> | null }> | null, groupMemberships: Array<{ person: { id: string, givenName: string | null, familyName: string | null, attendances: Array<{ validAbsenceMinutes: number | null, invalidAbsenceMinutes: number | null }> | null, grades: Array<{ gradeValue: string, syllabus: { subjectName: string } }> | null } | null }> | null } | null }> | null } | null };

export type GradesAndStudyPlanQueryVariables = Exact<{
  student: string | number;
}>;


export type GradesAndStudyPlanQuery = { person: { id: string, givenName: string | null, familyName: string | null, enrolments: Array<{ schoolType: SchoolType, schoolYear: number | null, programme: { code: string | null, name: string } | null }> | null, studyPlans: Array<{ id: string, startDate: string, content: Array<{ title: string | null, type: StudyPlanContentType | null, points: number | null, syllabuses: Array<{ syllabus: { id: string, courseCode: string | null, courseName: string | null } }> }> | null }> | null, grades: Array<{ id: string, gradeValue: string, registeredDate: string, finalGrade: boolean, student: { id: string }, syllabus: { id: string, courseCode: string | null, courseName: string | null, subjectName: string }, gradingTeacher: { id: string, givenName: string | null, familyName: string | null } | null }> | null } | null };

export type SchoolOfferingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolOfferingsQuery = { organisations: { edges: Array<{ node: { id: string, displayName: string | null, schoolTypes: Array<SchoolType> | null, schoolUnitOfferings: { edges: Array<{ node: { id: string | null, startDate: string | null, offeredAt: { id: string } | null, offeredProgrammes: Array<{ id: string, code: string | null, name: string }> | null, offeredSyllabuses: Array<{ id: string, courseCode: string | null, courseName: string | null, subjectName: string }> | null } }> } | null } }> } | null };

export type SchoolUnitClassesQueryVariables = Exact<{
  id: string | number;
}>;


export type SchoolUnitClassesQuery = { organisation: { displayName: string | null, organisationType: OrganisationType | null, groups: Array<{ displayName: string | null, groupType: GroupType | null, groupMemberships: Array<{ person: { id: string, givenName: string | null, responsibles: Array<{ relationType: RelationType | null, person: { id: string, givenName: string | null, familyName: string | null } | null }> | null } | null }> | null }> | null } | null };

export type StudentOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type StudentOverviewQuery = { person: { givenName: string | null, familyName: string | null, enrolments: Array<{ schoolYear: number | null, enroledAt: { displayName: string | null } | null }> | null, groupMemberships: Array<{ group: { displayName: string | null, groupType: GroupType | null } | null }> | null, activities: Array<{ displayName: string | null, syllabus: { subjectName: string } | null }> | null, absences: Array<{ type: AbsenceType, startTime: string }> | null, grades: Array<{ gradeValue: string, registeredDate: string }> | null } | null };
