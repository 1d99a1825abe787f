// Producer payloads are checked at the boundary: the envelope always (so nothing downstream
// trips over a non-array), each item against its spec schema unless switched off for benchmarks.
// Validators are compiled once per schema by spec-validator and shared by every request.
import { resourcesOf, type ListName, type ProducerName } from '../../ss12000/resources';
import { validatorFor } from '../../ss12000/spec-validator';
import type { Page } from '../../ss12000/wire';
import { UpstreamInvalidError } from './errors';

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
  constructor(
    private readonly producer: ProducerName,
    private readonly validateItems: boolean,
  ) {
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
    this.items(name, route, body.data, 'data');
    return { data: body.data, pageToken: typeof token === 'string' && token !== '' ? token : null };
  }

  /** A lookup answer: a bare array. */
  array(name: ListName, route: string, body: unknown): unknown[] {
    if (!Array.isArray(body)) this.fail(route, 'lookup answer is not an array');
    this.items(name, route, body, '');
    return body;
  }

  /** A by-id answer: the bare object. */
  one(name: ListName, route: string, body: unknown): unknown {
    if (!isObject(body)) this.fail(route, 'answer is not an object');
    this.items(name, route, [body], 'self');
    return body;
  }

  private items(name: ListName, route: string, items: unknown[], where: string): void {
    if (!this.validateItems) {
      if (!items.every(isObject)) this.fail(route, `${where || 'array'} has an item that is not an object`);
      return;
    }
    const validate = validatorFor(ITEM_SCHEMA[name]);
    items.forEach((item, index) => {
      const result = validate(item);
      // spec-validator's messages hold instance paths and schema words, never the payload's values.
      if (!result.ok) this.fail(route, `${where === 'self' ? '' : `${where}[${index}]`}${result.errors.split('; ')[0]}`);
    });
  }

  private fail(route: string, violation: string): never {
    throw new UpstreamInvalidError(this.producer, route, violation);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
