// The tolerant reader at the producer boundary: each row is checked against its SS 12000 schema on
// its own, and a row that departs from the spec is judged by what the departure touches.
//
// Served (the row as read, mended where the mending is unambiguous):
// - `format: uuid` anywhere: ids are opaque strings (`SAL-B12`, `123456789`) and round-trip as given;
// - a date-time without offset: read in the producer's time zone (`timeZone`, default Europe/Stockholm);
// - an enum value in another case or Unicode normalisation (`KLASS`, a decomposed `å`): the spec's value;
// - an invalid e-mail: served as the string it is (the graph's EmailAddress serialises any string);
// - a missing `startDate` / `calendarEventsRequired` (optional in practice): null in the graph;
// - a `civicNo` without `nationality`: SE;
// - `null` on an optional property: read as absent (null in the graph; should the graph's field be
//   non-null, an UPSTREAM_INVALID error instead of a masked one); on a required one, see below;
// - any other unreadable value (an unknown enum value, a bad date) of such a property: the field is
//   null with an UPSTREAM_INVALID field error (the value is held on the row under UNREADABLE and
//   raised by resolvers/shared/payload-errors.ts when the field is read).
// Dropped (the rest of the page served, the row reported as a field error on the list):
// - no readable `id`;
// - an unreadable reference the row scope depends on (organisation, dutyAt, placedAt, person,
//   student, …: see CRITICAL_KEYS), so its unit or subject cannot be established;
// - `null` or nothing on a property the spec requires (the graph has most of those non-null), but
//   for the optional-in-practice ones above;
// - anything the rules above do not cover at the row's top level.
// Every departure is reported (violation-log.ts). `strict: true` keeps the old whole-answer rejection.
import type { ErrorObject } from 'ajv';
import type { ProducerName } from '../../ss12000/resources';
import { isDateTime } from '../../ss12000/fast-formats';
import { compiledValidatorFor } from '../../ss12000/spec-validator';
import { UpstreamInvalidError } from './errors';
import { reportViolation } from './violation-log';
import { offsetMinutes, offsetText } from '../../lib/time-zones';

type Json = Record<string, unknown>;

/** On a page object or a lookup answer array: the rows left out, by position in the producer's answer. */
export const DROPPED = Symbol.for('ss12000.droppedRows');
/** On an object of a row: field name → the error to raise when the graph reads that field. */
export const UNREADABLE = Symbol.for('ss12000.unreadableFields');

export interface UnreadableField {
  readonly error: UpstreamInvalidError;
  /** A `null` read as absent: an error only where the graph cannot show null (a non-null field). */
  readonly onlyIfNonNull: boolean;
}

export interface DroppedRow {
  /** Position in the producer's answer (`data[3]` → 3). */
  readonly position: number;
  /** The row's id when it had a readable one (a lookup answers that key with the error). */
  readonly id: string | undefined;
  readonly error: UpstreamInvalidError;
}

export const droppedRows = (value: unknown): readonly DroppedRow[] =>
  value !== null && typeof value === 'object' ? ((value as { [DROPPED]?: DroppedRow[] })[DROPPED] ?? []) : [];

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** Properties real producers leave out though the spec requires them; the graph has them nullable. */
const OPTIONAL_IN_PRACTICE = new Set(['startDate', 'calendarEventsRequired']);
/** Rows whose own startDate the graph keeps non-null (it is what the row is about): still required. */
const START_DATE_REQUIRED = new Set(['AggregatedAttendance', 'AttendanceSchedule', 'StudyPlan']);

/**
 * References the row scope reads (owners.ts, embedded-owners.ts, person-refs.ts): a row whose
 * reference here cannot be read has no unit or subject the gateway can establish, so it is dropped.
 */
const CRITICAL_KEYS = new Set([
  'organisation',
  'dutyAt',
  'placedAt',
  'offeredAt',
  'owner',
  'enroledAt',
  'parentOrganisation',
  'person',
  'student',
  'child',
  'activity',
  'placement',
  'group',
  'groups',
  'duty',
  'calendarEvent',
]);

const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not']);

/** The JSON pointer `pointer` as path segments. */
const segmentsOf = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
const pointerOf = (segments: readonly string[]): string =>
  segments.map((part) => `/${part.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
const isIndex = (segment: string): boolean => /^[0-9]+$/.test(segment);

/**
 * The row's own id, or a reference the row scope reads: the reference itself, its id, an element of
 * a reference array or that element's id (`/organisation`, `/enrolments/0/enroledAt/id`, `/groups/1`).
 * Other properties inside a reference or an embedded row (a group fragment's startDate) are not.
 */
const isCritical = (segments: readonly string[]): boolean => {
  if (segments.length === 1 && segments[0] === 'id') return true;
  let end = segments.length;
  if (end > 0 && segments[end - 1] === 'id') end -= 1;
  if (end > 0 && isIndex(segments[end - 1]!)) end -= 1;
  return end > 0 && CRITICAL_KEYS.has(segments[end - 1]!);
};

const at = (root: unknown, segments: readonly string[]): unknown => {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[segment];
  }
  return node;
};

const comparable = (value: string): string => value.normalize('NFC').toLocaleLowerCase('sv').trim();

// ---- date-times without offset ----------------------------------------------------------------

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/** `2026-09-01T08:15:00` read as wall time in `zone`, with the offset that zone had then; undefined when it is not such a value. */
export function withZoneOffset(text: string, zone: string): string | undefined {
  const match = LOCAL_DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second = '00', fraction = ''] = match;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (Number.isNaN(wall) || Number(month) > 12 || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  // The offset at the wall time read as UTC, then at the instant that gives: right across DST changes.
  const offset = offsetMinutes(zone, wall - offsetMinutes(zone, wall) * 60_000);
  const read = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offsetText(offset)}`;
  // 30 February has a wall time too: only a real calendar day is mended.
  return isDateTime(read) ? read : undefined;
}

// ---- the reader -------------------------------------------------------------------------------

export interface ReaderOptions {
  readonly producer: ProducerName;
  /** IANA zone for date-times without offset. */
  readonly timeZone: string;
}

export type RowVerdict = { readonly row: Json } | { readonly dropped: UpstreamInvalidError };

interface Judged {
  readonly rule: string;
  readonly segments: string[];
  /** undefined: drop the row. */
  readonly mend?: (row: Json) => void;
}

/** Leaves the value at `segments` out (the array holding it, for an array element) and records the field error the graph raises for it. */
const markUnreadable = (row: Json, segments: readonly string[], error: UpstreamInvalidError, onlyIfNonNull = false): void => {
  let path = [...segments];
  while (path.length > 1 && isIndex(path[path.length - 1]!)) path = path.slice(0, -1);
  const parent = at(row, path.slice(0, -1));
  const key = path[path.length - 1];
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent) || key === undefined) return;
  const holder = parent as Json & { [UNREADABLE]?: Record<string, UnreadableField> };
  delete holder[key];
  (holder[UNREADABLE] ??= {})[key] = { error, onlyIfNonNull };
};

export class TolerantReader {
  constructor(private readonly options: ReaderOptions) {}

  /**
   * One row of `route`'s answer at `position` against `schemaName`; `where` prefixes violations
   * (`data[3]`). Reports every departure. The row is mended in place (it is this answer's own parse).
   */
  read(schemaName: string, route: string, item: unknown, position: number, where: string): RowVerdict {
    const { producer } = this.options;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return this.drop(route, position, where, [{ rule: 'not-an-object', segments: [] }]);
    }
    const row = item as Json;
    const validate = compiledValidatorFor(schemaName);
    const valid = validate(row);
    const errors = valid ? [] : [...(validate.errors ?? [])];
    if (schemaName === 'PersonExpanded') this.personDefaults(row, route, position);
    if (valid) return { row };
    const judged = this.judge(row, errors, route, schemaName);
    const fatal = judged.filter((one) => one.mend === undefined);
    if (fatal.length > 0) return this.drop(route, position, where, fatal);
    for (const one of judged) one.mend?.(row);
    if (judged.some((one) => one.rule === 'null-not-nullable')) {
      // A null read as absent on a property the spec requires is a missing property: judged again as one.
      const again = validate(row) ? [] : this.judge(row, [...(validate.errors ?? [])], route, schemaName);
      const fatalAgain = again.filter((one) => one.mend === undefined);
      if (fatalAgain.length > 0)
        return this.drop(
          route,
          position,
          where,
          fatalAgain.map((one) => ({ ...one, rule: 'null-on-required' })),
        );
      judged.push(...again.filter((one) => one.rule !== 'null-not-nullable'));
    }
    for (const one of judged) {
      const pointer = pointerOf(one.segments);
      const unreadable = one.rule === 'enum-unknown' || one.rule === 'unreadable-value';
      // An unreadable marking is no marking: person-checks.ts protects the person (fail closed).
      const action = !unreadable
        ? 'served'
        : schemaName === 'PersonExpanded' && pointer === '/securityMarking'
          ? 'protected'
          : 'field-null';
      reportViolation({ producer, path: route, pointer, rule: one.rule, action, position });
    }
    return { row };
  }

  /** What the spec leaves optional on a person and the gateway must still decide. */
  private personDefaults(row: Json, route: string, position: number): void {
    const { producer } = this.options;
    if (row['securityMarking'] === undefined || row['securityMarking'] === null) {
      // person-checks.ts treats such a person as protected (fail closed); say so, per producer.
      reportViolation({
        producer,
        path: route,
        pointer: '/securityMarking',
        rule: 'securityMarking-absent',
        action: 'protected',
        position,
      });
    }
    const civicNo = row['civicNo'];
    if (civicNo !== null && typeof civicNo === 'object' && !Array.isArray(civicNo) && (civicNo as Json)['nationality'] == null) {
      // A civic number without nationality is a Swedish one (the graph's CivicNo.nationality is non-null).
      (civicNo as Json)['nationality'] = 'SE';
      reportViolation({
        producer,
        path: route,
        pointer: '/civicNo/nationality',
        rule: 'civicNo-nationality-default',
        action: 'served',
        position,
      });
    }
  }

  private drop(route: string, position: number, where: string, fatal: readonly Judged[]): RowVerdict {
    const { producer } = this.options;
    for (const one of fatal)
      reportViolation({ producer, path: route, pointer: pointerOf(one.segments), rule: one.rule, action: 'dropped', position });
    const first = fatal[0]!;
    return {
      dropped: new UpstreamInvalidError(producer, route, `${where}${pointerOf(first.segments) || '/'} ${first.rule}: the row is left out`),
    };
  }

  private judge(row: Json, errors: readonly ErrorObject[], route: string, schemaName: string): Judged[] {
    const out: Judged[] = [];
    const seen = new Set<string>();
    const pointers = errors.filter((error) => !COMBINATORS.has(error.keyword)).map((error) => error.instancePath);
    for (const error of errors) {
      const segments = segmentsOf(error.instancePath);
      if (COMBINATORS.has(error.keyword)) {
        // A oneOf/allOf failure comes with the errors that caused it; alone, it is about the value as a whole.
        if (pointers.some((pointer) => pointer.startsWith(error.instancePath))) continue;
      }
      const judged = this.judgeOne(row, error, segments, route, schemaName);
      const key = `${pointerOf(judged.segments)} ${judged.rule}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(judged);
    }
    return out;
  }

  private judgeOne(row: Json, error: ErrorObject, segments: string[], route: string, schemaName: string): Judged {
    const value = at(row, segments);
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') {
      const missing = String(params['missingProperty']);
      const full = [...segments, missing];
      if (isCritical(full)) return { rule: 'missing-required', segments: full };
      const ownStartDate = missing === 'startDate' && segments.length === 0 && START_DATE_REQUIRED.has(schemaName);
      if (OPTIONAL_IN_PRACTICE.has(missing) && !ownStartDate)
        return { rule: 'missing-optional-in-practice', segments: full, mend: () => {} };
      if (missing === 'nationality' && segments[segments.length - 1] === 'civicNo') {
        return {
          rule: 'civicNo-nationality-default',
          segments: full,
          mend: (target) => ((at(target, segments) as Json)['nationality'] = 'SE'),
        };
      }
      return { rule: 'missing-required', segments: full };
    }
    if (error.keyword === 'format' && params['format'] === 'uuid') return { rule: 'id-not-uuid', segments, mend: () => {} };
    if (error.keyword === 'format' && params['format'] === 'email') return { rule: 'email-invalid', segments, mend: () => {} };
    if (error.keyword === 'format' && params['format'] === 'date-time' && typeof value === 'string') {
      const mended = withZoneOffset(value, this.options.timeZone);
      if (mended !== undefined) return { rule: 'date-time-without-offset', segments, mend: (target) => setAt(target, segments, mended) };
    }
    if (error.keyword === 'enum' && typeof value === 'string') {
      const wanted = comparable(value);
      const match = (params['allowedValues'] as unknown[]).find((allowed) => typeof allowed === 'string' && comparable(allowed) === wanted);
      if (typeof match === 'string') return { rule: 'enum-normalised', segments, mend: (target) => setAt(target, segments, match) };
    }
    // What is left cannot be read as SS 12000. Where the permission rules need it, the row goes.
    if (segments.length === 0 || isCritical(segments))
      return { rule: error.keyword === 'type' && value === null ? 'null-reference' : `invalid-${error.keyword}`, segments };
    if (value === null) {
      const rule = 'null-not-nullable';
      return {
        rule,
        segments,
        mend: (target) =>
          markUnreadable(target, segments, new UpstreamInvalidError(this.options.producer, route, `${pointerOf(segments)} ${rule}`), true),
      };
    }
    const rule = error.keyword === 'enum' ? 'enum-unknown' : 'unreadable-value';
    return {
      rule,
      segments,
      mend: (target) =>
        markUnreadable(target, segments, new UpstreamInvalidError(this.options.producer, route, `${pointerOf(segments)} ${rule}`)),
    };
  }
}

const setAt = (row: Json, segments: readonly string[], value: unknown): void => {
  const parent = at(row, segments.slice(0, -1));
  if (parent !== null && typeof parent === 'object') (parent as Json)[segments[segments.length - 1]!] = value;
};
