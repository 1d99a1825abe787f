// Named presets mirror the scopes municipalities already hand out in EduCloud, so a
// municipality can grant "what it grants today" in the same words. A preset lists the
// `Type.field`s (and root `Query` fields) it opens; anything in no preset stays closed.
// A field added to the graph is unreadable for every supplier until a preset names it.

export const PRESET_NAMES = [
  'standard',
  'students',
  'groups',
  'duties',
  'activities',
  'grades',
  'studyplans',
  'placements',
  'responsibles',
  'attendance',
  'attendanceRows',
  'absenceSummary',
  'email',
  'schoolEmail',
  'phoneNumbers',
  'addresses',
  'civicNo',
  'identifiers',
  'sex',
  'birthDate',
  'photo',
  'changes',
] as const;

export type PresetName = (typeof PRESET_NAMES)[number];

/** typeName → field names. */
export type PresetFields = Readonly<Record<string, readonly string[]>>;

// The fields a person preset shows of every person it lets through: who they are, by name.
// securityMarking goes with the name: a supplier that shows a name must know it may be an alias.
const PERSON_NAME = ['id', 'meta', 'givenName', 'middleName', 'familyName', 'securityMarking', 'personStatus'];

export const PRESETS: Readonly<Record<PresetName, PresetFields>> = {
  standard: {
    Query: [
      'organisations',
      'organisation',
      'programmes',
      'programme',
      'syllabuses',
      'syllabus',
      'schoolUnitOfferings',
      'schoolUnitOffering',
    ],
    Organisation: [
      'id',
      'meta',
      'displayName',
      'organisationCode',
      'organisationType',
      'organisationNumber',
      'parentOrganisation',
      'schoolUnitCode',
      'schoolTypes',
      'address',
      'municipalityCode',
      'url',
      'email',
      'phoneNumber',
      'contactInfo',
      'startDate',
      'endDate',
      'children',
      'schoolUnitOfferings',
    ],
    Programme: ['id', 'meta', 'name', 'type', 'parentProgramme', 'schoolType', 'code', 'content'],
    Syllabus: [
      'id',
      'meta',
      'schoolType',
      'subjectCode',
      'subjectName',
      'subjectDesignation',
      'courseCode',
      'courseName',
      'startSchoolYear',
      'endSchoolYear',
      'points',
      'curriculum',
      'languageCode',
      'specialisationCourseContent',
      'official',
    ],
    // The spec gives SchoolUnitOffering no id; the graph does (it is served at /schoolUnitOfferings/{id}).
    SchoolUnitOffering: ['id', 'startDate', 'endDate', 'offeredAt', 'offeredSyllabuses', 'offeredProgrammes'],
  },
  students: {
    Query: ['persons', 'person'],
    Person: [...PERSON_NAME, 'enrolments'],
    Organisation: ['id', 'persons'],
  },
  groups: {
    Query: ['groups', 'group'],
    Group: ['id', 'meta', 'displayName', 'startDate', 'endDate', 'groupType', 'schoolType', 'organisation', 'groupMemberships'],
    Person: ['id', 'groupMemberships'],
    Organisation: ['id', 'groups'],
  },
  duties: {
    Query: ['duties', 'duty', 'persons', 'person'],
    Duty: [
      'id',
      'meta',
      'person',
      'assignmentRole',
      'dutyAt',
      'dutyRole',
      'description',
      'signature',
      'dutyPercent',
      'hoursPerYear',
      'startDate',
      'endDate',
    ],
    Person: [...PERSON_NAME, 'duties'],
    Organisation: ['id', 'duties'],
    Group: ['id', 'duties', 'mentors'],
  },
  activities: {
    Query: ['activities', 'activity', 'calendarEvents', 'calendarEvent', 'rooms', 'room', 'resources', 'resource'],
    Activity: [
      'id',
      'meta',
      'displayName',
      'calendarEventsRequired',
      'startDate',
      'endDate',
      'activityType',
      'comment',
      'minutesPlanned',
      'groups',
      'teachers',
      'syllabus',
      'organisation',
      'parentActivity',
      'calendarEvents',
    ],
    CalendarEvent: [
      'id',
      'meta',
      'activity',
      'startTime',
      'endTime',
      'localStartTime',
      'localEndTime',
      'cancelled',
      'teachingLengthTeacher',
      'teachingLengthStudent',
      'comment',
      'studentExceptions',
      'teacherExceptions',
      'rooms',
      'resources',
      'expectedStudents',
    ],
    Room: ['id', 'meta', 'displayName', 'seats', 'owner', 'calendarEvents'],
    Resource: ['id', 'meta', 'displayName', 'description', 'owner'],
    Person: ['id', 'activities', 'calendarEvents'],
    Duty: ['id', 'activities'],
    Group: ['id', 'activities'],
    Organisation: ['id', 'activities'],
  },
  grades: {
    Query: ['grades', 'grade'],
    Grade: [
      'id',
      'meta',
      'student',
      'organisation',
      'registeredBy',
      'gradingTeacher',
      'group',
      'registeredDate',
      'gradeValue',
      'finalGrade',
      'trial',
      'adaptedStudyPlan',
      'remark',
      'converted',
      'correctionType',
      'semester',
      'year',
      'syllabus',
      'diplomaProject',
    ],
    Person: ['id', 'grades'],
  },
  studyplans: {
    Query: ['studyPlans', 'studyPlan'],
    StudyPlan: ['id', 'meta', 'student', 'content', 'notes', 'startDate', 'endDate'],
    Person: ['id', 'studyPlans'],
  },
  placements: {
    Query: ['placements', 'placement'],
    Placement: [
      'id',
      'meta',
      'placedAt',
      'group',
      'child',
      'owners',
      'schoolType',
      'startDate',
      'endDate',
      'reason',
      'maxWeeklyScheduleHours',
    ],
    Person: ['id', 'placements', 'ownedPlacements'],
    Organisation: ['id', 'placements'],
  },
  responsibles: {
    Person: [...PERSON_NAME, 'responsibles', 'responsibleFor'],
  },
  attendance: {
    Query: [
      'attendances',
      'attendance',
      'attendanceEvents',
      'attendanceEvent',
      'attendanceSchedules',
      'attendanceSchedule',
      'absences',
      'absence',
      'absenceSummary',
    ],
    Attendance: [
      'id',
      'meta',
      'calendarEvent',
      'student',
      'reporter',
      'isReported',
      'attendanceMinutes',
      'validAbsenceMinutes',
      'invalidAbsenceMinutes',
      'otherAttendanceMinutes',
      'absenceReason',
      'reportedTimestamp',
    ],
    AttendanceEvent: ['id', 'meta', 'time', 'localTime', 'eventType', 'person', 'registeredBy', 'group'],
    AttendanceSchedule: ['id', 'meta', 'placement', 'numberOfWeeks', 'startDate', 'endDate', 'temporary', 'state', 'scheduleEntries'],
    Absence: ['id', 'meta', 'startTime', 'endTime', 'localStartTime', 'localEndTime', 'type', 'student', 'organisation', 'registeredBy'],
    // Attendance rows point at these: their ids (never names) come with the rows.
    Person: ['id', 'attendances', 'absences', 'attendanceEvents'],
    Activity: ['id'],
    CalendarEvent: ['id', 'attendances'],
    Group: ['id'],
    Placement: ['id', 'attendanceSchedules'],
  },
  // The raw /aggregatedAttendance rows: one student's sums per activity. A grant of its own, apart
  // from `attendance`: with a student list they are per-student figures, which a supplier granted
  // absence only above a minimum group size (absenceSummary) must not get by another door.
  // The aggregate alone, for analytics suppliers held to a minimum group size: the summary's rows name
  // units, groups, activities and students by id only, and nothing per student comes with it.
  absenceSummary: {
    Query: ['absenceSummary'],
    Organisation: ['id'],
    Group: ['id'],
    Activity: ['id'],
    Person: ['id'],
  },
  attendanceRows: {
    Query: ['aggregatedAttendances'],
    AggregatedAttendance: [
      'activity',
      'student',
      'startDate',
      'endDate',
      'attendanceSum',
      'validAbsenceSum',
      'invalidAbsenceSum',
      'otherAttendanceSum',
      'reportedSum',
      'offeredSum',
    ],
    Person: ['id'],
    Activity: ['id'],
  },
  email: { Person: ['emails'] },
  // Person.emails too, but the data fetch serves only the school addresses: see PRESET_VALUE_TYPES.
  schoolEmail: { Person: ['emails'] },
  phoneNumbers: { Person: ['phoneNumbers'] },
  addresses: { Person: ['addresses'] },
  civicNo: { Person: ['civicNo'] },
  identifiers: { Person: ['eduPersonPrincipalNames', 'externalIdentifiers'] },
  sex: { Person: ['sex'] },
  birthDate: { Person: ['birthDate'] },
  photo: { Person: ['photo'] },
  // The change feed (src/changes/) and the supplier's webhook: which objects changed, by type and id,
  // only for types its other presets open and objects its row scope lets it read.
  changes: { Query: ['changes'] },
};

/**
 * Person attributes that hold several values, each with a type (SS 12000: Email.type,
 * Phonenumber.type, Person.addresses[].type). A preset may open one of them for some types only.
 */
export const TYPED_ATTRIBUTES = ['emails', 'phoneNumbers', 'addresses'] as const;
export type TypedAttribute = (typeof TYPED_ATTRIBUTES)[number];

/**
 * The presets that open a typed attribute for some of its types only. The narrowing is applied in
 * the data fetch (the row scope), not per resolver: every path to a person — by id, lists, group
 * members, responsibles, `_entities`, a placement's or duty's `_embedded` person — serves only
 * these values. A supplier whose presets open the attribute without narrowing (`email`) gets every
 * value; one with no preset opening it gets none (the data fetch drops the values too).
 */
export const PRESET_VALUE_TYPES: Readonly<Partial<Record<PresetName, Partial<Record<TypedAttribute, readonly string[]>>>>> = {
  schoolEmail: { emails: ['Skola elev', 'Skola personal'] },
};

// Protected identities and relations between persons (issue 10, item 4). Under `alias` a protected
// person is present, named by alias, but its relations to other persons would identify it (a named
// guardian, a named child, a shared home address). So, under alias:
// - relations between a protected person and any other person are withheld from BOTH ends: the
//   protected person's `responsibles` and `responsibleFor` are empty, and no other person's
//   `responsibles`/`responsibleFor` names it; a placement of a protected child has no `owners`, and
//   a protected owner is left out of any placement's `owners`; a row's `registeredBy` is left out
//   when it is a relative of the row's subject and either of them is protected (the guardian who
//   called in a protected student's absence), and a filter on it does not find those rows;
// - a person related to a protected person (one of its responsibles, a person it is responsible
//   for, or a person sharing a responsible with it: a sibling in the household) is served without
//   `addresses` — in both modes, since such an address is the protected person's address too.
// Other links (group memberships, a grade's teacher, an attendance's reporter) are kept: they tie
// the alias to a group or a lesson, not to another person's identity.
// The data fetch applies this (src/sources/scope/relations.ts), so every path gets the same answer.

export const isPresetName = (value: string): value is PresetName => (PRESET_NAMES as readonly string[]).includes(value);
