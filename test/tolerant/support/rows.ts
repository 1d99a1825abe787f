// Hand-written rows of a municipality whose producers depart from SS 12000 the way real ones do.
// Each deviation sits in one row, named by a comment; everything else in that row is by the spec.
import type { Row } from './real-producer';

const meta = { created: '2025-06-01T08:00:00+02:00', modified: '2025-06-01T08:00:00+02:00' };
export const HUVUDMAN = 'a0000000-0000-4000-8000-000000000001';
/** schoolUnitCode 91000095: the one unit demo-lms-key (config/suppliers.yaml) may see. */
export const UNIT_A = 'a0000000-0000-4000-8000-00000000000a';
export const UNIT_B = 'a0000000-0000-4000-8000-00000000000b';

export const organisations: Row[] = [
  { id: HUVUDMAN, meta, displayName: 'Testkommunen', organisationType: 'Huvudman' },
  {
    id: UNIT_A,
    meta,
    displayName: 'Norrskolan',
    organisationType: 'Skolenhet',
    schoolUnitCode: '91000095',
    parentOrganisation: { id: HUVUDMAN },
  },
  {
    id: UNIT_B,
    meta,
    displayName: 'Söderskolan',
    organisationType: 'Skolenhet',
    schoolUnitCode: '91000096',
    parentOrganisation: { id: HUVUDMAN },
  },
];

const enrolledAt = (unit: string, extra: Row = {}): Row[] => [
  { enroledAt: { id: unit }, schoolType: 'GR', schoolYear: 5, startDate: '2025-08-18', ...extra },
];
const person = (id: string, givenName: string, unit: string, extra: Row = {}): Row => ({
  id,
  meta,
  givenName,
  familyName: 'Testsson',
  securityMarking: 'Ingen',
  sex: 'Kvinna',
  enrolments: enrolledAt(unit),
  ...extra,
});

export const P = {
  plain: 'b0000000-0000-4000-8000-000000000001',
  opaqueId: '123456789',
  noOffset: 'b0000000-0000-4000-8000-000000000003',
  noMarking: 'b0000000-0000-4000-8000-000000000004',
  nullName: 'b0000000-0000-4000-8000-000000000005',
  noUnit: 'b0000000-0000-4000-8000-000000000007',
  unitB: 'b0000000-0000-4000-8000-000000000008',
} as const;

/** Position in GET /persons of each row (the drops name it). */
export const PERSON_ROWS: Row[] = [
  // 0. by the spec, but sex with a decomposed ä ("Oka\u0308nt") and the marking in upper case.
  person(P.plain, 'Alva', UNIT_A, { sex: 'Oka\u0308nt', securityMarking: 'INGEN' }),
  // 1. a non-uuid id, an invalid e-mail, an enrolment without startDate, sex in upper case.
  person(P.opaqueId, 'Bo', UNIT_A, {
    sex: 'KVINNA',
    emails: [{ value: 'bo.at.skolan', type: 'Skola personal' }],
    enrolments: [{ enroledAt: { id: UNIT_A }, schoolType: 'GR', schoolYear: 5 }],
  }),
  // 2. date-times without offset (winter and summer time), civicNo without nationality, an unknown sex;
  //    a guardian who is protected (row 3), so the row scope copies this row to alias her name.
  person(P.noOffset, 'Cleo', UNIT_A, {
    meta: { created: '2025-01-15T08:00:00', modified: '2025-07-01T10:30:00' },
    civicNo: { value: '201401012383' },
    sex: 'Flicka',
    responsibles: [
      { person: { id: 'b0000000-0000-4000-8000-000000000004', displayName: 'Dana Testsson' }, relationType: 'Vårdnadshavare' },
    ],
  }),
  // 3. no securityMarking: served as protected (alias), the decision logged.
  (({ securityMarking: _, ...rest }) => rest)(person(P.noMarking, 'Dana', UNIT_A)),
  // 4. null on a non-nullable field.
  person(P.nullName, 'Eir', UNIT_A, { middleName: null }),
  // 5. no id: cannot be served.
  (({ id: _, ...rest }) => rest)(person('unused', 'Frej', UNIT_A)),
  // 6. an enrolment whose unit reference has no id: the unit cannot be established.
  person(P.noUnit, 'Gun', UNIT_A, {
    enrolments: [{ enroledAt: { displayName: 'Norrskolan' }, schoolType: 'GR', startDate: '2025-08-18' }],
  }),
  // 7. a student of the other unit, by the spec.
  person(P.unitB, 'Hugo', UNIT_B),
];

export const G = {
  noStart: 'c0000000-0000-4000-8000-000000000001',
  upper: 'c0000000-0000-4000-8000-000000000002',
  unknownType: 'c0000000-0000-4000-8000-000000000003',
  noOrganisation: 'c0000000-0000-4000-8000-000000000004',
  unitB: 'c0000000-0000-4000-8000-000000000005',
} as const;

const group = (id: string, displayName: string, unit: string, extra: Row = {}): Row => ({
  id,
  meta,
  displayName,
  groupType: 'Klass',
  schoolType: 'GR',
  organisation: { id: unit },
  startDate: '2025-08-18',
  ...extra,
});

export const GROUP_ROWS: Row[] = [
  // 0. no startDate.
  (({ startDate: _, ...rest }) => rest)(group(G.noStart, '5A', UNIT_A)),
  // 1. the group type in upper case.
  group(G.upper, '5B', UNIT_A, { groupType: 'UNDERVISNING' }),
  // 2. an unknown group type.
  group(G.unknownType, '5C', UNIT_A, { groupType: 'Basgrupp' }),
  // 3. no organisation: whose group it is cannot be established.
  (({ organisation: _, ...rest }) => rest)(group(G.noOrganisation, '5D', UNIT_A)),
  // 4. of the other unit, by the spec.
  group(G.unitB, '5E', UNIT_B),
];

export const DUTY_ROWS: Row[] = [
  // no startDate.
  { id: 'd0000000-0000-4000-8000-000000000001', meta, person: { id: P.plain }, dutyAt: { id: UNIT_A }, dutyRole: 'Lärare' },
  // a person reference without id: whose duty it is cannot be established.
  {
    id: 'd0000000-0000-4000-8000-000000000002',
    meta,
    person: { displayName: 'Okänd' },
    dutyAt: { id: UNIT_A },
    dutyRole: 'Lärare',
    startDate: '2025-08-18',
  },
];

export const ROOM_ROWS: Row[] = [
  // a room id that is not a uuid.
  { id: 'SAL-B12', meta, displayName: 'Sal B12', seats: 30, owner: { id: UNIT_A } },
  { id: 'e0000000-0000-4000-8000-000000000002', meta, displayName: 'Sal B13', owner: { id: UNIT_A } },
  // null on a property the spec requires (and the graph has non-null): cannot be served.
  { id: 'e0000000-0000-4000-8000-000000000003', meta, displayName: null, owner: { id: UNIT_A } },
  // null on an optional property (seats) and on one optional in practice (none here): read as absent.
  { id: 'e0000000-0000-4000-8000-000000000004', meta, displayName: 'Sal B14', seats: null, owner: { id: UNIT_A } },
  // another id that is not a uuid, with a letter outside ASCII and a slash.
  { id: 'Å12/3', meta, displayName: 'Ateljé', owner: { id: UNIT_A } },
];

export const ACTIVITY_ROWS: Row[] = [
  // neither startDate nor calendarEventsRequired.
  {
    id: 'f0000000-0000-4000-8000-000000000001',
    meta,
    displayName: 'Matematik 5A',
    organisation: { id: UNIT_A },
    groups: [{ id: G.noStart }],
  },
  {
    id: 'f0000000-0000-4000-8000-000000000002',
    meta,
    displayName: 'Svenska 5B',
    organisation: { id: UNIT_A },
    groups: [{ id: G.upper }],
    startDate: '2025-08-18',
    calendarEventsRequired: true,
  },
];

/** The register and schedule collections; attendance serves empty ones, grades is not configured. */
export const REGISTER = { '/organisations': organisations, '/persons': PERSON_ROWS, '/groups': GROUP_ROWS, '/duties': DUTY_ROWS };
export const SCHEDULE = { '/rooms': ROOM_ROWS, '/activities': ACTIVITY_ROWS };
export const ATTENDANCE = {
  '/attendances': [],
  '/attendanceEvents': [],
  '/attendanceSchedule': [],
  '/absences': [],
  '/aggregatedAttendance': [],
};
