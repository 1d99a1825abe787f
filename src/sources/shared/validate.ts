// Producer payloads are checked at the boundary: the envelope always (so nothing downstream
// trips over a non-array), each item against its spec schema unless switched off for benchmarks.
// Validators are compiled once per schema by spec-validator and shared by every request.
import { resourcesOf, type ListName, type ProducerName } from '../../ss12000/resources';
import { validatorFor } from '../../ss12000/spec-validator';
import type { Page } from '../../ss12000/wire';
import { UpstreamInvalidError } from './errors';
import { DEFAULT_TIME_ZONE, DROPPED, droppedRows, TolerantReader, type DroppedRow } from './tolerant-reader';

export interface CheckerOptions {
  /** Reject the whole answer on the first row that departs from the spec (the old behaviour). */
  readonly strict?: boolean;
  /** IANA zone for date-times the producer sends without offset. */
  readonly timeZone?: string;
}

/** Spec schema of one item. The *Expanded variants admit `_embedded` and are otherwise the plain type. */
export const ITEM_SCHEMA: { readonly [N in ListName]: string } = {
  organisations: 'Organisation',
  persons: 'PersonExpanded',
  placements: 'PlacementExpanded',
  duties: 'DutyExpanded',
  groups: 'GroupExpanded',
  programmes: 'Programme',
  syllabuses: 'Syllabus',
  schoolUnitOfferings: 'SchoolUnitOffering',
  studyplans: 'StudyPlan',
  activities: 'ActivityExpanded',
  calendarEvents: 'CalendarEvent',
  rooms: 'Room',
  resources: 'Resource',
  attendances: 'Attendance',
  attendanceEvents: 'AttendanceEvent',
  attendanceSchedule: 'AttendanceSchedule',
  absences: 'Absence',
  grades: 'Grade',
  aggregatedAttendance: 'AggregatedAttendance',
};

export class PayloadChecker {
  private readonly strict: boolean;
  private readonly reader: TolerantReader;

  constructor(
    private readonly producer: ProducerName,
    private readonly validateItems: boolean,
    options: CheckerOptions = {},
  ) {
    this.strict = options.strict === true;
    this.reader = new TolerantReader({ producer, timeZone: options.timeZone ?? DEFAULT_TIME_ZONE });
    // Compile now (ajv takes milliseconds per schema) so the first GraphQL request does not pay for it.
    if (validateItems) {
      const names: ListName[] = [...resourcesOf(producer), ...(producer === 'attendance' ? ['aggregatedAttendance' as const] : [])];
      for (const name of names) validatorFor(ITEM_SCHEMA[name]);
    }
  }

  /** A list answer: `{data: [...], pageToken: string | null}`. */
  page(name: ListName, route: string, body: unknown): Page<unknown> {
    if (!isObject(body) || !Array.isArray(body.data)) this.fail(route, 'page has no data array');
    const token = body.pageToken;
    if (token !== undefined && token !== null && typeof token !== 'string') this.fail(route, 'pageToken is not a string or null');
    const data = this.items(name, route, body.data, 'data');
    const page: Page<unknown> = { data, pageToken: typeof token === 'string' && token !== '' ? token : null };
    return withDropped(page, data);
  }

  /** A lookup answer: a bare array. */
  array(name: ListName, route: string, body: unknown): unknown[] {
    if (!Array.isArray(body)) this.fail(route, 'lookup answer is not an array');
    // The rows left out stay listed on the array (DROPPED), for batches.ts to answer their keys.
    return this.items(name, route, body, '');
  }

  /** A by-id answer: the bare object. */
  one(name: ListName, route: string, body: unknown): unknown {
    if (!isObject(body)) this.fail(route, 'answer is not an object');
    const rows = this.items(name, route, [body], 'self');
    // A by-id answer that cannot be served is that key's error.
    if (rows.length === 0) throw droppedRows(rows)[0]?.error ?? new UpstreamInvalidError(this.producer, route, 'the answer is left out');
    return rows[0];
  }

  private items(name: ListName, route: string, items: unknown[], where: string): unknown[] {
    if (!this.validateItems) {
      if (!items.every(isObject)) this.fail(route, `${where || 'array'} has an item that is not an object`);
      return items;
    }
    if (this.strict) {
      const validate = validatorFor(ITEM_SCHEMA[name]);
      items.forEach((item, index) => {
        const result = validate(item);
        // spec-validator's messages hold instance paths and schema words, never the payload's values.
        if (!result.ok) this.fail(route, `${where === 'self' ? '' : `${where}[${index}]`}${result.errors.split('; ')[0]}`);
      });
      return items;
    }
    // Tolerant (tolerant-reader.ts): per row; a row that cannot be served safely is left out and listed under DROPPED.
    const kept: unknown[] = [];
    const dropped: DroppedRow[] = [];
    items.forEach((item, index) => {
      const verdict = this.reader.read(ITEM_SCHEMA[name], route, item, index, where === 'self' ? '' : `${where}[${index}]`);
      if ('row' in verdict) kept.push(verdict.row);
      else dropped.push({ position: index, id: idOf(item), error: verdict.dropped });
    });
    if (dropped.length > 0) Object.defineProperty(kept, DROPPED, { value: dropped, enumerable: false });
    return kept;
  }

  private fail(route: string, violation: string): never {
    throw new UpstreamInvalidError(this.producer, route, violation);
  }
}

const idOf = (item: unknown): string | undefined => {
  const id = isObject(item) ? item['id'] : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/** `target` carrying the rows `rows` left out (a page's spread copies it: the property is enumerable there). */
const withDropped = <T extends object>(target: T, rows: unknown[]): T => {
  const dropped = (rows as { [DROPPED]?: DroppedRow[] })[DROPPED];
  if (dropped !== undefined) (target as { [DROPPED]?: DroppedRow[] })[DROPPED] = dropped;
  return target;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
