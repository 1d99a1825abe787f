// Producers are not trusted to apply the filters they are sent. A real producer ignores a parameter
// it does not know (or a bug drops it), and then answers "every grade" to "grades of student X": the
// gateway would serve another student's grades under X. So every row a filtered read returns (list
// pages, list-based and lookup-based reverse links, by-id reads) is held against what was asked,
// here, from ONE table: per path, which query parameter the row must satisfy and how. A row that
// does not is dropped, counted (producer_filter_mismatches_total{producer,path,filter}) and logged
// (rate-limited, ids only). Only what the spec makes certain is checked; `unchecked` says, per
// parameter, why the rest cannot be told from the row (tests hold the table to the spec's parameters).
import { logger } from '../../config/logger';
import { producerFilterMismatches } from '../../observability/metrics';
import type { ListName, ProducerName } from '../../ss12000/resources';
import type { QueryValue } from './query';

type Row = Record<string, unknown>;

/** `is`: some value at the row path is one of the asked values. The others compare dates or instants. */
export type FilterOp = 'is' | 'onOrAfter' | 'onOrBefore' | 'after' | 'before';

export interface FilterCheck {
  /** Dotted path into the row; `[]` steps into every element of an array. Several paths: any may match. */
  readonly row: string | readonly string[];
  readonly op: FilterOp;
  /** Date comparisons: `date` (YYYY-MM-DD) or `instant` (RFC 3339 date-time). */
  readonly kind?: 'date' | 'instant';
  /** A row without the value passes (the spec: "poster med ett endDate som ej är satt, tas alltid med"). */
  readonly absentPasses?: boolean;
  /** Not checked when any of these parameters is sent too (the spec lifts the date limits for them). */
  readonly notWith?: readonly string[];
}

export interface PathFilters {
  /** Query parameter → the check its rows must pass. */
  readonly checked: Readonly<Record<string, FilterCheck>>;
  /** Query parameter → why a row cannot tell whether it matches (these rows are passed on as sent). */
  readonly unchecked: Readonly<Record<string, string>>;
  /** `POST /X/lookup` body field → the query parameter whose check applies, or its own check. `ids` is always checked. */
  readonly lookups?: Readonly<Record<string, string | FilterCheck | null>>;
}

const is = (row: string | readonly string[]): FilterCheck => ({ row, op: 'is' });
const date = (row: string, op: FilterOp, extra: Partial<FilterCheck> = {}): FilterCheck => ({ row, op, kind: 'date', ...extra });
const instant = (row: string, op: FilterOp, extra: Partial<FilterCheck> = {}): FilterCheck => ({ row, op, kind: 'instant', ...extra });

// meta.*.after is exclusive, meta.*.before inclusive (the spec's words on every list).
const META: Record<string, FilterCheck> = {
  'meta.created.before': instant('meta.created', 'onOrBefore'),
  'meta.created.after': instant('meta.created', 'after'),
  'meta.modified.before': instant('meta.modified', 'onOrBefore'),
  'meta.modified.after': instant('meta.modified', 'after'),
};

/** startDate/endDate windows as most lists word them: a row without endDate is always included. */
const dateWindow = (extra: Partial<FilterCheck> = {}): Record<string, FilterCheck> => ({
  'startDate.onOrBefore': date('startDate', 'onOrBefore', extra),
  'startDate.onOrAfter': date('startDate', 'onOrAfter', extra),
  'endDate.onOrBefore': date('endDate', 'onOrBefore', { absentPasses: true, ...extra }),
  'endDate.onOrAfter': date('endDate', 'onOrAfter', { absentPasses: true, ...extra }),
});

const SUB_UNITS = 'the spec includes sub-units ("och dess underliggande element"): the organisation tree, not the row, decides';
const THROUGH_ACTIVITY = "matched through the activity's groups, memberships or teachers, which the row does not carry";

export const FILTER_CHECKS: { readonly [N in ListName]: PathFilters } = {
  organisations: {
    checked: {
      ...META,
      schoolUnitCode: is('schoolUnitCode'),
      organisationCode: is('organisationCode'),
      municipalityCode: is('municipalityCode'),
      type: is('organisationType'),
      schoolTypes: is('schoolTypes[]'),
      // The spec words all four as "records without endDate are always included".
      ...dateWindow({ absentPasses: true }),
    },
    unchecked: {
      parent:
        'the spec says only "the given organisation ids": whether a grandchild matches is not certain (Organisation.children splits rows by direct parent anyway)',
    },
    lookups: { organisationCodes: 'organisationCode', schoolUnitCodes: 'schoolUnitCode' },
  },
  persons: {
    checked: {
      ...META,
      civicNo: is('civicNo.value'),
      eduPersonPrincipalName: is('eduPersonPrincipalNames[]'),
      'identifier.value': is('externalIdentifiers[].value'),
      'identifier.context': is('externalIdentifiers[].context'),
    },
    unchecked: {
      nameContains: 'which names and how (case, diacritics) is not specified',
      'relationship.entity.type': 'a relation (enrolment, duty, placement, responsible…) is not all on the row',
      'relationship.organisation': 'relations through sub-units and responsibles are not all on the row',
      'relationship.startDate.onOrBefore': 'applies to the matched relation, which the row does not name',
      'relationship.startDate.onOrAfter': 'applies to the matched relation, which the row does not name',
      'relationship.endDate.onOrBefore': 'applies to the matched relation, which the row does not name',
      'relationship.endDate.onOrAfter': 'applies to the matched relation, which the row does not name',
    },
    lookups: { civicNos: 'civicNo' },
  },
  placements: {
    checked: {
      ...META,
      organisation: is('placedAt.id'),
      group: is('group.id'),
      child: is('child.id'),
      owner: is('owners[].id'),
      ...dateWindow(),
    },
    unchecked: {},
    // The spec does not say whether personIds means the child or the owners: a row naming the key as neither is wrong either way.
    lookups: { personIds: is(['child.id', 'owners[].id']) },
  },
  duties: {
    checked: { ...META, person: is('person.id'), dutyRole: is('dutyRole'), ...dateWindow() },
    unchecked: { organisation: SUB_UNITS },
  },
  groups: {
    // "direkt kopplade till angivna organisationselement": the row's own organisation.
    checked: { ...META, organisation: is('organisation.id'), groupType: is('groupType'), schoolTypes: is('schoolType'), ...dateWindow() },
    unchecked: {},
  },
  programmes: {
    checked: { ...META, schoolType: is('schoolType'), code: is('code'), parentProgramme: is('parentProgramme.id') },
    unchecked: {},
  },
  syllabuses: { checked: { ...META }, unchecked: {} },
  schoolUnitOfferings: {
    checked: { organisation: is('offeredAt.id') },
    unchecked: Object.fromEntries(Object.keys(META).map((param) => [param, 'a SchoolUnitOffering has no meta in the spec'])),
  },
  studyplans: {
    // The spec words even the startDate limits as "records without endDate are always included".
    checked: { ...META, student: is('student.id'), ...dateWindow({ absentPasses: true }) },
    unchecked: {},
  },
  activities: {
    checked: {
      ...META,
      teacher: is('teachers[].duty.id'),
      group: is('groups[].id'),
      // "Tidsbegränsningar appliceras inte för detta filter" (member, teacher).
      ...dateWindow({ notWith: ['member', 'teacher'] }),
    },
    unchecked: { member: "through the groups' memberships, which the row does not carry", organisation: SUB_UNITS },
    lookups: { teachers: 'teacher', members: null },
  },
  calendarEvents: {
    checked: {
      ...META,
      activity: is('activity.id'),
      'startTime.onOrAfter': instant('startTime', 'onOrAfter', { notWith: ['student', 'teacher'] }),
      'startTime.onOrBefore': instant('startTime', 'onOrBefore', { notWith: ['student', 'teacher'] }),
      'endTime.onOrAfter': instant('endTime', 'onOrAfter', { notWith: ['student', 'teacher'] }),
      'endTime.onOrBefore': instant('endTime', 'onOrBefore', { notWith: ['student', 'teacher'] }),
    },
    unchecked: { student: THROUGH_ACTIVITY, teacher: THROUGH_ACTIVITY, group: THROUGH_ACTIVITY, organisation: SUB_UNITS },
    lookups: { activities: 'activity', student: null, teacher: null },
  },
  rooms: { checked: { ...META, organisation: is('owner.id') }, unchecked: {} },
  resources: { checked: { ...META, organisation: is('owner.id') }, unchecked: {} },
  attendances: {
    checked: { ...META, student: is('student.id'), calendarEvent: is('calendarEvent.id') },
    unchecked: { organisation: `${SUB_UNITS}; and it is the lesson's activity's, not on the row` },
    lookups: { students: 'student', calendareEvents: 'calendarEvent', activities: null },
  },
  attendanceEvents: {
    checked: { ...META, person: is('person.id'), group: is('group.id') },
    unchecked: {},
    lookups: { person: 'person', group: 'group' },
  },
  attendanceSchedule: {
    checked: { ...META, placement: is('placement.id'), ...dateWindow() },
    unchecked: { group: "through the placement's group, which the row does not carry" },
    lookups: { placement: 'placement' },
  },
  absences: {
    checked: {
      ...META,
      student: is('student.id'),
      registeredBy: is('registeredBy.id'),
      type: is('type'),
      'startTime.onOrBefore': instant('startTime', 'onOrBefore'),
      // Named onOrAfter, worded "exkluderande": a row before the time is wrong either way, one at it is let through.
      'startTime.onOrAfter': instant('startTime', 'onOrAfter'),
      'endTime.onOrBefore': instant('endTime', 'onOrBefore'),
      'endTime.onOrAfter': instant('endTime', 'onOrAfter'),
    },
    unchecked: { organisation: '"kopplad till organisationen": whether sub-units count is not said' },
  },
  grades: {
    checked: {
      ...META,
      student: is('student.id'),
      registeredBy: is('registeredBy.id'),
      gradingTeacher: is('gradingTeacher.id'),
      'registeredDate.onOrAfter': date('registeredDate', 'onOrAfter'),
      'registeredDate.onOrBefore': date('registeredDate', 'onOrBefore'),
    },
    unchecked: { organisation: 'the GraphQL argument promises sub-units; whether the spec does is not said' },
  },
  aggregatedAttendance: {
    checked: {
      student: is('student.id'),
      // A row's startDate..endDate is the window it sums (inclusive): it must lie inside the asked one.
      startDate: date('startDate', 'onOrAfter'),
      endDate: date('endDate', 'onOrBefore'),
    },
    unchecked: {
      organisation: "the activity's owner, not on the row (the absence summary checks it against the activity it looks up)",
      schoolType: "the activity's school type, which neither row nor activity carries",
    },
  },
};

/** Query parameters that shape the answer but filter nothing. */
export const NOT_FILTERS: ReadonlySet<string> = new Set(['expand', 'expandReferenceNames', 'sortkey', 'limit', 'pageToken']);

const ID_CHECK: FilterCheck = is('id');

interface PathStep {
  readonly key: string;
  /** `a[]`: every element of the array at `a`. */
  readonly spread: boolean;
}

/** A row path (`a.b`, `a[].b`) as steps, split once per filter rather than once per row. */
const stepsOf = (path: string): PathStep[] =>
  path.split('.').map((raw) => (raw.endsWith('[]') ? { key: raw.slice(0, -2), spread: true } : { key: raw, spread: false }));

/** Every value at `steps` in `row`; strings, numbers and booleans as text. */
function valuesAt(row: unknown, steps: readonly PathStep[]): string[] {
  let current: unknown[] = [row];
  for (const { key, spread } of steps) {
    const next: unknown[] = [];
    for (const item of current) {
      if (item === null || typeof item !== 'object') continue;
      const value = (item as Row)[key];
      if (value === undefined || value === null) continue;
      if (spread) {
        if (Array.isArray(value)) next.push(...(value as unknown[]));
      } else next.push(value);
    }
    current = next;
  }
  return current.filter((value) => ['string', 'number', 'boolean'].includes(typeof value)).map(String);
}

const asked = (value: QueryValue): string[] => (Array.isArray(value) ? [...(value as readonly string[])] : [String(value)]);

/** One filter as sent, ready to test rows against. */
interface ActiveCheck {
  readonly filter: string;
  readonly test: (row: Row) => boolean;
}

function compile(filter: string, check: FilterCheck, value: QueryValue): ActiveCheck {
  const paths = (typeof check.row === 'string' ? [check.row] : check.row).map(stepsOf);
  const values = (row: Row): string[] => paths.flatMap((steps) => valuesAt(row, steps));
  if (check.op === 'is') {
    const wanted = new Set(asked(value));
    return { filter, test: (row) => values(row).some((found) => wanted.has(found)) };
  }
  // The bound is the same for every row: read once.
  const bound = String(value);
  const boundMs = Date.parse(bound);
  const boundDay = bound.slice(0, 10);
  const cmp =
    check.kind === 'instant'
      ? (found: string): number | undefined => {
          const at = Date.parse(found);
          return Number.isNaN(at) || Number.isNaN(boundMs) ? undefined : at - boundMs;
        }
      : (found: string): number => {
          const day = found.slice(0, 10);
          return day < boundDay ? -1 : day > boundDay ? 1 : 0;
        };
  const holds = (difference: number): boolean => {
    switch (check.op) {
      case 'onOrAfter':
        return difference >= 0;
      case 'onOrBefore':
        return difference <= 0;
      case 'after':
        return difference > 0;
      default:
        return difference < 0;
    }
  };
  return {
    filter,
    test: (row) => {
      const found = values(row);
      if (found.length === 0) return check.absentPasses === true;
      // An unparseable value is the validator's business, not a certain mismatch.
      return found.some((one) => {
        const difference = cmp(one);
        return difference === undefined || holds(difference);
      });
    },
  };
}

function activeChecks(name: ListName, query: Readonly<Record<string, QueryValue>>): ActiveCheck[] {
  const table = FILTER_CHECKS[name].checked;
  const sent = (param: string): boolean => query[param] !== undefined;
  const active: ActiveCheck[] = [];
  for (const [param, value] of Object.entries(query)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const check = Object.hasOwn(table, param) ? table[param] : undefined;
    if (check === undefined || check.notWith?.some(sent)) continue;
    active.push(compile(param, check, value));
  }
  return active;
}

/** Where the rows came from, for the counter and the log line. */
export interface RowsOrigin {
  readonly producer: ProducerName;
  /** Route template, e.g. `GET /grades` or `POST /attendances/lookup`. */
  readonly route: string;
}

function keep<T>(origin: RowsOrigin, rows: readonly T[], checks: readonly ActiveCheck[]): T[] {
  if (checks.length === 0) return rows as T[];
  const kept: T[] = [];
  for (const row of rows) {
    const failed = checks.find((check) => !check.test(row as Row));
    if (failed === undefined) kept.push(row);
    else reportMismatch(origin, failed.filter, row as Row);
  }
  if (kept.length === rows.length) return rows as T[];
  // What the reader noted on the array (the rows it left out, tolerant-reader.ts) stays with the rows kept.
  for (const key of Object.getOwnPropertySymbols(rows)) Object.defineProperty(kept, key, Object.getOwnPropertyDescriptor(rows, key)!);
  return kept;
}

/** The rows of a `GET /X` page that satisfy the filters `query` sent (or, with a pageToken, stands for). */
export function checkListRows<T>(origin: RowsOrigin, name: ListName, query: Readonly<Record<string, QueryValue>>, rows: readonly T[]): T[] {
  return keep(origin, rows, activeChecks(name, query));
}

/** The rows of a `POST /X/lookup {field: keys}` answer that match some asked key, where the row can tell. */
export function checkLookupRows<T>(origin: RowsOrigin, name: ListName, field: string, keys: readonly string[], rows: readonly T[]): T[] {
  const entry = field === 'ids' ? ID_CHECK : FILTER_CHECKS[name].lookups?.[field];
  if (entry === undefined || entry === null) return rows as T[];
  const check = typeof entry === 'string' ? FILTER_CHECKS[name].checked[entry] : entry;
  if (check === undefined) return rows as T[];
  return keep(origin, rows, [compile(field, check, keys)]);
}

// ---- counting and logging ----

const LOG_EVERY_MS = 60_000;
const IDS_PER_LINE = 5;

interface LogState {
  last: number;
  unlogged: number;
  ids: string[];
}
const logStates = new Map<string, LogState>();

/** Counts one dropped row and logs it at most once a minute per (producer, path, filter), naming row ids only. */
export function reportMismatch(origin: RowsOrigin, filter: string, row?: Row): void {
  const labels = { producer: origin.producer, path: origin.route, filter };
  producerFilterMismatches.inc(labels);
  const key = `${origin.producer} ${origin.route} ${filter}`;
  const now = Date.now();
  let state = logStates.get(key);
  if (state === undefined) logStates.set(key, (state = { last: -Infinity, unlogged: 0, ids: [] }));
  state.unlogged += 1;
  const id = row?.id;
  if (typeof id === 'string' && state.ids.length < IDS_PER_LINE) state.ids.push(id);
  if (now - state.last < LOG_EVERY_MS) return;
  logger.warn(
    { producer: origin.producer, path: origin.route, filter, droppedRows: state.unlogged, rowIds: state.ids },
    'producer answer does not match the filter it was sent: rows dropped',
  );
  state.last = now;
  state.unlogged = 0;
  state.ids = [];
}
