// A filter or sort key is a read of the attribute it names: `persons(civicNo: "…")` tells whoever asks
// which person has that civic number as surely as `Person.civicNo` does, and a sort on family names
// orders persons by them. So a supplier may filter or sort only on what it may read.
//
// THE table: every argument of every graph field that takes one (root lists, by-id fields, reverse
// links), and for each the `Type.field`s it reads. An argument this table does not classify fails
// the subgraph at start (src/resolvers/shared/permissions/argument-guard.ts) and the adversarial
// suite (test/row-scope/adversarial-filters.test.ts), so a new filter cannot slip in unread.
//
// Forms:
// - `['Person.civicNo']`: reads these whatever its value; `NOTHING` for paging and the like;
// - `{ of: 'sortkey', values: {…} }`: reads per value of the named argument (an enum), `absent`
//   when that argument is not given. The argument's own value or another's: `relationshipOrganisation`
//   reads the relation `relationshipEntityType` names, every relation when it names none.
// - an input-object argument is classified field by field as `argument.field`.

export type ArgumentReads =
  | readonly string[]
  | { readonly of: string; readonly values: Readonly<Record<string, readonly string[]>>; readonly absent?: readonly string[] };

/** `Type.field` (the field taking arguments) → argument (or `argument.inputField`) → what it reads. */
export type ArgumentReadsTable = Readonly<Record<string, Readonly<Record<string, ArgumentReads>>>>;

/** Reads no attribute of a row: paging, or the window a computed answer covers. */
export const NOTHING: readonly string[] = [];

const PAGING = { first: NOTHING, after: NOTHING } as const;
const meta = (type: string) => ({
  metaCreatedBefore: [`${type}.meta`],
  metaCreatedAfter: [`${type}.meta`],
  metaModifiedBefore: [`${type}.meta`],
  metaModifiedAfter: [`${type}.meta`],
});
const dateRange = (type: string) => ({
  ...meta(type),
  startDateOnOrBefore: [`${type}.startDate`],
  startDateOnOrAfter: [`${type}.startDate`],
  endDateOnOrBefore: [`${type}.endDate`],
  endDateOnOrAfter: [`${type}.endDate`],
});
const byId = (type: string) => ({ id: [`${type}.id`] });
const sortkey = (values: Record<string, readonly string[]>): ArgumentReads => ({ of: 'sortkey', values });

// The relations the persons `relationship.*` filters look at (the demo producer and the spec agree:
// enrolments, duties, placements as child or owner, a guardian's children's, group memberships).
const RELATIONS: Readonly<Record<string, readonly string[]>> = {
  enrolment: ['Person.enrolments'],
  duty: ['Person.duties'],
  'placement.child': ['Person.placements'],
  'placement.owner': ['Person.ownedPlacements'],
  'responsibleFor.enrolment': ['Person.responsibleFor', 'Person.enrolments'],
  'responsibleFor.placement': ['Person.responsibleFor', 'Person.placements'],
  groupMembership: ['Person.groupMemberships'],
};
const ANY_RELATION = [...new Set(Object.values(RELATIONS).flat())];
const relationship: ArgumentReads = { of: 'relationshipEntityType', values: RELATIONS, absent: ANY_RELATION };

// A mutation's input is a write, not a filter: it reads nothing. Which rows it may name is the row
// scope's question (src/resolvers/attendance/writes/scope.ts), which grant it needs write-grants.ts's.
const writeInput = (...fields: string[]) => ({ input: NOTHING, ...Object.fromEntries(fields.map((field) => [`input.${field}`, NOTHING])) });
const DELETE_INPUT = writeInput('id', 'idempotencyKey');

export const ARGUMENT_READS: ArgumentReadsTable = {
  // ── register ────────────────────────────────────────────────────────────────────────────────
  'Query.organisations': {
    ...PAGING,
    ...dateRange('Organisation'),
    parent: ['Organisation.parentOrganisation'],
    schoolUnitCode: ['Organisation.schoolUnitCode'],
    organisationCode: ['Organisation.organisationCode'],
    municipalityCode: ['Organisation.municipalityCode'],
    type: ['Organisation.organisationType'],
    schoolTypes: ['Organisation.schoolTypes'],
    sortkey: sortkey({ ModifiedDesc: ['Organisation.meta'], DisplayNameAsc: ['Organisation.displayName'] }),
  },
  'Query.organisation': byId('Organisation'),
  'Query.persons': {
    ...PAGING,
    ...meta('Person'),
    // The spec: every part must occur in a name (given, middle or family).
    nameContains: ['Person.givenName', 'Person.middleName', 'Person.familyName'],
    civicNo: ['Person.civicNo'],
    eduPersonPrincipalName: ['Person.eduPersonPrincipalNames'],
    identifierValue: ['Person.externalIdentifiers'],
    identifierContext: ['Person.externalIdentifiers'],
    relationshipEntityType: relationship,
    relationshipOrganisation: relationship,
    relationshipStartDateOnOrBefore: relationship,
    relationshipStartDateOnOrAfter: relationship,
    relationshipEndDateOnOrBefore: relationship,
    relationshipEndDateOnOrAfter: relationship,
    sortkey: sortkey({
      // Persons have no displayName: the spec's DisplayName sort is family name, then given name.
      DisplayNameAsc: ['Person.familyName', 'Person.givenName'],
      GivenNameAsc: ['Person.givenName'],
      GivenNameDesc: ['Person.givenName'],
      FamilyNameAsc: ['Person.familyName'],
      FamilyNameDesc: ['Person.familyName'],
      CivicNoAsc: ['Person.civicNo'],
      CivicNoDesc: ['Person.civicNo'],
      ModifiedDesc: ['Person.meta'],
    }),
  },
  'Query.person': byId('Person'),
  'Query.placements': {
    ...PAGING,
    ...dateRange('Placement'),
    organisation: ['Placement.placedAt'],
    group: ['Placement.group'],
    child: ['Placement.child'],
    owner: ['Placement.owners'],
    sortkey: sortkey({
      StartDateAsc: ['Placement.startDate'],
      StartDateDesc: ['Placement.startDate'],
      EndDateAsc: ['Placement.endDate'],
      EndDateDesc: ['Placement.endDate'],
      ModifiedDesc: ['Placement.meta'],
    }),
  },
  'Query.placement': byId('Placement'),
  'Query.duties': {
    ...PAGING,
    ...dateRange('Duty'),
    organisation: ['Duty.dutyAt'],
    dutyRole: ['Duty.dutyRole'],
    person: ['Duty.person'],
    sortkey: sortkey({ StartDateDesc: ['Duty.startDate'], StartDateAsc: ['Duty.startDate'], ModifiedDesc: ['Duty.meta'] }),
  },
  'Query.duty': byId('Duty'),
  'Query.groups': {
    ...PAGING,
    ...dateRange('Group'),
    groupType: ['Group.groupType'],
    schoolTypes: ['Group.schoolType'],
    organisation: ['Group.organisation'],
    sortkey: sortkey({
      ModifiedDesc: ['Group.meta'],
      DisplayNameAsc: ['Group.displayName'],
      StartDateAsc: ['Group.startDate'],
      StartDateDesc: ['Group.startDate'],
      EndDateAsc: ['Group.endDate'],
      EndDateDesc: ['Group.endDate'],
    }),
  },
  'Query.group': byId('Group'),
  'Organisation.groups': { groupType: ['Group.groupType'], schoolTypes: ['Group.schoolType'] },
  'Organisation.persons': PAGING,
  'Organisation.duties': PAGING,
  'Organisation.placements': PAGING,
  'Organisation.schoolUnitOfferings': PAGING,
  'Group.duties': { assignmentRoleType: ['Duty.assignmentRole'] },
  'Query.programmes': {
    ...PAGING,
    ...meta('Programme'),
    schoolType: ['Programme.schoolType'],
    code: ['Programme.code'],
    parentProgramme: ['Programme.parentProgramme'],
    sortkey: sortkey({ NameAsc: ['Programme.name'], CodeAsc: ['Programme.code'], ModifiedDesc: ['Programme.meta'] }),
  },
  'Query.programme': byId('Programme'),
  'Query.syllabuses': {
    ...PAGING,
    ...meta('Syllabus'),
    sortkey: sortkey({
      ModifiedDesc: ['Syllabus.meta'],
      SubjectNameAsc: ['Syllabus.subjectName'],
      SubjectNameDesc: ['Syllabus.subjectName'],
      SubjectCodeAsc: ['Syllabus.subjectCode'],
      SubjectCodeDesc: ['Syllabus.subjectCode'],
      CourseNameAsc: ['Syllabus.courseName'],
      CourseNameDesc: ['Syllabus.courseName'],
      CourseCodeAsc: ['Syllabus.courseCode'],
      CourseCodeDesc: ['Syllabus.courseCode'],
      SubjectDesignationAsc: ['Syllabus.subjectDesignation'],
      SubjectDesignationDesc: ['Syllabus.subjectDesignation'],
    }),
  },
  'Query.syllabus': byId('Syllabus'),
  // The spec gives SchoolUnitOffering no meta: its meta filters and ModifiedDesc order by a stamp the
  // graph never shows, of catalogue data (what a unit offers), about nobody.
  'Query.schoolUnitOfferings': {
    ...PAGING,
    metaCreatedBefore: NOTHING,
    metaCreatedAfter: NOTHING,
    metaModifiedBefore: NOTHING,
    metaModifiedAfter: NOTHING,
    organisation: ['SchoolUnitOffering.offeredAt'],
    sortkey: sortkey({
      StartDateAsc: ['SchoolUnitOffering.startDate'],
      StartDateDesc: ['SchoolUnitOffering.startDate'],
      EndDateAsc: ['SchoolUnitOffering.endDate'],
      EndDateDesc: ['SchoolUnitOffering.endDate'],
      ModifiedDesc: NOTHING,
    }),
  },
  'Query.schoolUnitOffering': byId('SchoolUnitOffering'),

  // ── schedule ────────────────────────────────────────────────────────────────────────────────
  'Query.activities': {
    ...PAGING,
    ...dateRange('Activity'),
    // "Activities whose groups have this person as a member": the person's activities, as the reverse link shows them.
    member: ['Person.activities'],
    teacher: ['Activity.teachers'],
    organisation: ['Activity.organisation'],
    group: ['Activity.groups'],
    sortkey: sortkey({ ModifiedDesc: ['Activity.meta'], DisplayNameAsc: ['Activity.displayName'] }),
  },
  'Query.activity': byId('Activity'),
  'Activity.calendarEvents': { start: ['CalendarEvent.startTime'], end: ['CalendarEvent.startTime'] },
  'Person.calendarEvents': { start: ['CalendarEvent.startTime'], end: ['CalendarEvent.startTime'] },
  'Room.calendarEvents': { start: ['CalendarEvent.startTime'], end: ['CalendarEvent.startTime'] },
  'Organisation.activities': PAGING,
  'Query.calendarEvents': {
    ...PAGING,
    ...meta('CalendarEvent'),
    startTimeOnOrAfter: ['CalendarEvent.startTime'],
    startTimeOnOrBefore: ['CalendarEvent.startTime'],
    endTimeOnOrBefore: ['CalendarEvent.endTime'],
    endTimeOnOrAfter: ['CalendarEvent.endTime'],
    activity: ['CalendarEvent.activity'],
    student: ['Person.activities', 'CalendarEvent.studentExceptions'],
    teacher: ['Activity.teachers', 'CalendarEvent.teacherExceptions'],
    organisation: ['CalendarEvent.activity', 'Activity.organisation'],
    group: ['CalendarEvent.activity', 'Activity.groups'],
    sortkey: sortkey({
      ModifiedDesc: ['CalendarEvent.meta'],
      StartTimeAsc: ['CalendarEvent.startTime'],
      StartTimeDesc: ['CalendarEvent.startTime'],
    }),
  },
  'Query.calendarEvent': byId('CalendarEvent'),
  // The zone a time is written in: the field shows the same instant as its UTC twin.
  'CalendarEvent.localStartTime': { timeZone: NOTHING },
  'CalendarEvent.localEndTime': { timeZone: NOTHING },
  'AttendanceEvent.localTime': { timeZone: NOTHING },
  'Absence.localStartTime': { timeZone: NOTHING },
  'Absence.localEndTime': { timeZone: NOTHING },
  'Query.rooms': {
    ...PAGING,
    ...meta('Room'),
    organisation: ['Room.owner'],
    sortkey: sortkey({ ModifiedDesc: ['Room.meta'], DisplayNameAsc: ['Room.displayName'] }),
  },
  'Query.room': byId('Room'),
  'Query.resources': {
    ...PAGING,
    ...meta('Resource'),
    organisation: ['Resource.owner'],
    sortkey: sortkey({ ModifiedDesc: ['Resource.meta'], DisplayNameAsc: ['Resource.displayName'] }),
  },
  'Query.resource': byId('Resource'),

  // ── attendance ──────────────────────────────────────────────────────────────────────────────
  'Query.attendances': {
    ...PAGING,
    ...meta('Attendance'),
    student: ['Attendance.student'],
    // A lesson's unit is its activity's: the row's own lesson.
    organisation: ['Attendance.calendarEvent'],
    calendarEvent: ['Attendance.calendarEvent'],
  },
  'Query.attendance': byId('Attendance'),
  // The lesson's date: the row's own lesson (its time is the attendance row's, not the schedule's detail).
  'Person.attendances': { startDate: ['Attendance.calendarEvent'], endDate: ['Attendance.calendarEvent'] },
  'Query.attendanceEvents': { ...PAGING, ...meta('AttendanceEvent'), group: ['AttendanceEvent.group'], person: ['AttendanceEvent.person'] },
  'Query.attendanceEvent': byId('AttendanceEvent'),
  'Query.attendanceSchedules': {
    ...PAGING,
    ...dateRange('AttendanceSchedule'),
    placement: ['AttendanceSchedule.placement'],
    group: ['AttendanceSchedule.placement', 'Placement.group'],
  },
  'Query.attendanceSchedule': byId('AttendanceSchedule'),
  'Query.absences': {
    ...PAGING,
    ...meta('Absence'),
    organisation: ['Absence.organisation'],
    student: ['Absence.student'],
    registeredBy: ['Absence.registeredBy'],
    type: ['Absence.type'],
    startTimeOnOrBefore: ['Absence.startTime'],
    startTimeOnOrAfter: ['Absence.startTime'],
    endTimeOnOrBefore: ['Absence.endTime'],
    endTimeOnOrAfter: ['Absence.endTime'],
    sortkey: sortkey({ ModifiedDesc: ['Absence.meta'], StartTimeAsc: ['Absence.startTime'], StartTimeDesc: ['Absence.startTime'] }),
  },
  'Query.absence': byId('Absence'),
  'Mutation.createAttendance': writeInput(
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
    'idempotencyKey',
  ),
  'Mutation.deleteAttendance': DELETE_INPUT,
  'Mutation.createAttendanceEvent': writeInput('eventType', 'time', 'person', 'group', 'registeredBy', 'idempotencyKey'),
  'Mutation.deleteAttendanceEvent': DELETE_INPUT,
  'Mutation.createAttendanceSchedule': writeInput(
    'placement',
    'numberOfWeeks',
    'startDate',
    'endDate',
    'temporary',
    'state',
    'scheduleEntries',
    'idempotencyKey',
  ),
  'Mutation.deleteAttendanceSchedule': DELETE_INPUT,
  'Mutation.createAbsence': writeInput('type', 'startTime', 'endTime', 'student', 'organisation', 'registeredBy', 'idempotencyKey'),
  'Query.aggregatedAttendances': {
    ...PAGING,
    startDate: ['AggregatedAttendance.startDate'],
    endDate: ['AggregatedAttendance.endDate'],
    // A row's unit and school type are its activity's.
    organisation: ['AggregatedAttendance.activity'],
    schoolType: ['AggregatedAttendance.activity'],
    student: ['AggregatedAttendance.student'],
  },
  // The summary's window, grouping and unit/group/school-type filters shape a computed answer about
  // the caller's own units (and suppress small groups); only per-student ones pick out persons.
  'Query.absenceSummary': {
    ...PAGING,
    startDate: NOTHING,
    endDate: NOTHING,
    groupBy: {
      of: 'groupBy',
      values: {
        SCHOOL_UNIT: NOTHING,
        GROUP: NOTHING,
        // The summary's rows name a student or activity by id (AbsenceSummaryRow), never a raw row.
        STUDENT: ['Person.id'],
        ACTIVITY: ['Activity.id'],
        SCHOOL_TYPE: NOTHING,
      },
    },
    filter: NOTHING,
    'filter.units': NOTHING,
    'filter.groups': NOTHING,
    'filter.schoolTypes': NOTHING,
    // Refused outright to a supplier with a minimum group size (differencing); otherwise a read of ids.
    'filter.students': ['Person.id'],
  },

  // ── grades ──────────────────────────────────────────────────────────────────────────────────
  'Query.grades': {
    ...PAGING,
    ...meta('Grade'),
    organisation: ['Grade.organisation'],
    student: ['Grade.student'],
    registeredBy: ['Grade.registeredBy'],
    gradingTeacher: ['Grade.gradingTeacher'],
    registeredDateOnOrAfter: ['Grade.registeredDate'],
    registeredDateOnOrBefore: ['Grade.registeredDate'],
    sortkey: sortkey({
      registeredDateAsc: ['Grade.registeredDate'],
      registeredDateDesc: ['Grade.registeredDate'],
      ModifiedDesc: ['Grade.meta'],
    }),
  },
  'Query.grade': byId('Grade'),
  'Query.studyPlans': {
    ...PAGING,
    ...dateRange('StudyPlan'),
    student: ['StudyPlan.student'],
    sortkey: sortkey({
      ModifiedDesc: ['StudyPlan.meta'],
      StartDateAsc: ['StudyPlan.startDate'],
      StartDateDesc: ['StudyPlan.startDate'],
      EndDateAsc: ['StudyPlan.endDate'],
      EndDateDesc: ['StudyPlan.endDate'],
    }),
  },
  'Query.studyPlan': byId('StudyPlan'),
  // ── changes ─────────────────────────────────────────────────────────────────────────────────
  // The feed serves only types the supplier's presets open and objects its row scope reads
  // (src/changes/visibility.ts), so naming a type reads nothing the answer would not hold anyway.
  'Query.changes': { since: NOTHING, types: NOTHING, first: NOTHING },
};

/** Federation's own fields: `_entities(representations:)` is checked per entity type and field instead. */
export const FEDERATION_FIELDS: ReadonlySet<string> = new Set(['Query._entities', 'Query._service']);

export interface ArgumentRead {
  /** As the caller wrote it: `civicNo`, `filter.students`. */
  readonly argument: string;
  readonly reads: readonly string[];
}

const valueKey = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * What `args` of the field `fieldCoordinate` read, argument by argument (given ones only: an absent
 * or null argument reads nothing). Throws for an argument the table does not classify: fail closed.
 */
export function argumentReads(
  fieldCoordinate: string,
  args: Readonly<Record<string, unknown>>,
  table: ArgumentReadsTable = ARGUMENT_READS,
): ArgumentRead[] {
  const entries = table[fieldCoordinate];
  const out: ArgumentRead[] = [];
  const classify = (argument: string): readonly string[] => {
    const entry = entries?.[argument];
    if (entry === undefined) throw new Error(`unclassified argument ${fieldCoordinate}(${argument}:): add it to ARGUMENT_READS`);
    if (Array.isArray(entry)) return entry as readonly string[];
    const { of, values, absent } = entry as Exclude<ArgumentReads, readonly string[]>;
    const decider = valueKey(args[of]);
    if (decider === undefined) return absent ?? NOTHING;
    // An enum value the table does not know reads everything the table names for it: fail closed.
    return values[decider] ?? [...new Set(Object.values(values).flat())];
  };
  for (const [argument, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    out.push({ argument, reads: classify(argument) });
    if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
        if (innerValue === undefined || innerValue === null) continue;
        out.push({ argument: `${argument}.${inner}`, reads: classify(`${argument}.${inner}`) });
      }
    }
  }
  return out;
}
