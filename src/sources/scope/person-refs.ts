// Where persons appear inside any SS 12000 row, and what a row looks like once the persons a caller
// may not see are taken out of it. Key names, not per-type paths: the spec names person references
// the same way everywhere, so one walk covers rows, `_embedded` objects and future expands alike.
//
// - subject keys (person, student, child) say whose row or entry it is: an excluded subject removes
//   the entry holding it (a membership, a responsible, an exception), or the row at the top;
// - mention keys (reporter, registeredBy, gradingTeacher) only name who did something: an excluded
//   mention is left out, the row stays;
// - `owners` is an array of bare references: excluded owners are left out;
// - entity keys (duty, placement, calendarEvent, activity, group, groups[]) point at other rows:
//   one the caller may not see hides what points at it, like a subject.
import type { ResourceName } from '../../ss12000/resources';
import { UNREADABLE } from '../shared/tolerant-reader';

type Json = Record<string, unknown>;

const SUBJECT_KEYS = new Set(['person', 'student', 'child']);
const MENTION_KEYS = new Set(['reporter', 'registeredBy', 'gradingTeacher']);
const REGISTRATION_KEY = 'registeredBy';
const OWNERS_KEY = 'owners';

/**
 * Keys naming another row (SS 12000 calls them the same everywhere). A row pointing at a row the
 * caller may not see is hidden with it, like a hidden subject: an Activity's teacher duty of an
 * excluded person, an AttendanceSchedule's placement of an excluded child, an Attendance's lesson
 * at another unit. (The GraphQL types have these non-null: a null would fail the whole answer.)
 */
export const ENTITY_KEYS: Readonly<Record<string, ResourceName>> = {
  duty: 'duties',
  placement: 'placements',
  calendarEvent: 'calendarEvents',
  activity: 'activities',
  group: 'groups',
};
/** Arrays of bare references to rows (Activity.groups). */
export const ENTITY_ARRAY_KEYS: Readonly<Record<string, ResourceName>> = { groups: 'groups' };

const entityOf = (key: string | undefined): ResourceName | undefined =>
  key === undefined ? undefined : (ENTITY_KEYS[key] ?? ENTITY_ARRAY_KEYS[key]);
const elementKey = (key: string | undefined): string | undefined =>
  key === OWNERS_KEY || (key !== undefined && key in ENTITY_ARRAY_KEYS) ? key : undefined;

export interface EntitySighting {
  readonly collection: ResourceName;
  readonly id: string;
}

/** Every other row a row points at through an entity key (see ENTITY_KEYS). */
export function entitySightings(row: unknown): EntitySighting[] {
  const found: EntitySighting[] = [];
  const visit = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) visit(item, elementKey(key));
      return;
    }
    if (!isObject(node)) return;
    const collection = entityOf(key);
    const id = idOf(node);
    if (collection !== undefined && id !== undefined) found.push({ collection, id });
    eachObjectChild(node, visit);
  };
  visit(row, undefined);
  return found;
}

// The walks run over every producer row of a request: `for...in` instead of Object.entries, and
// no call for a string or number, keep them from allocating an array per object they pass.
const eachObjectChild = (node: Json, visit: (child: unknown, key: string) => void): void => {
  for (const key in node) {
    const child = node[key];
    if (typeof child === 'object' && child !== null) visit(child, key);
  }
};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const idOf = (value: unknown): string | undefined => (isObject(value) && typeof value.id === 'string' ? value.id : undefined);

/** A full Person (a row or an `_embedded` one), as opposed to a `{id, displayName?, securityMarking?}` reference. */
export const isFullPerson = (value: Json): boolean => 'givenName' in value || 'familyName' in value;

export interface PersonSighting {
  readonly id: string;
  /** As the row states it: a full person's own field, or a reference's (with expandReferenceNames); null when the row does not say. */
  readonly marking: string | null;
  /** A subject: its being outside the caller's units removes its entry too. */
  readonly subject: boolean;
  /** Carries a name (a full person, or a reference with displayName). */
  readonly named: boolean;
  /**
   * Names who registered the row (`registeredBy`): a guardian calling in an absence or a schedule, or
   * staff. Unlike a reporter or a grading teacher (teachers by the spec's own words), it can be family.
   */
  readonly registration: boolean;
}

/** Every person a row mentions (the row itself when it is a person). */
export function sightings(row: unknown): PersonSighting[] {
  const found: PersonSighting[] = [];
  const visit = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) visit(item, elementKey(key));
      return;
    }
    if (!isObject(node)) return;
    const id = idOf(node);
    const full = isFullPerson(node);
    if (id !== undefined && (full || (key !== undefined && (SUBJECT_KEYS.has(key) || MENTION_KEYS.has(key) || key === OWNERS_KEY)))) {
      const marking = full
        ? String(node.securityMarking ?? 'unknown')
        : typeof node.securityMarking === 'string'
          ? node.securityMarking
          : null;
      found.push({
        id,
        marking,
        subject: full || key === OWNERS_KEY || SUBJECT_KEYS.has(key as string),
        named: full || 'displayName' in node,
        registration: key === REGISTRATION_KEY,
      });
    }
    eachObjectChild(node, visit);
  };
  visit(row, undefined);
  return found;
}

export interface PersonVerdicts {
  /** The person may not appear at all (excluded protected identity, or a subject outside the units). */
  hidden(id: string, subject: boolean): boolean;
  /** The alias to show instead of the person's identity, or undefined to show it as it is. */
  alias(id: string): { givenName: string; familyName: string; displayName: string } | undefined;
  /** The referenced row may not be seen (then neither may what points at it). */
  hiddenRow(collection: ResourceName, id: string): boolean;
}

// A Person under alias keeps only what identifies nobody; everything else (civicNo, birthDate,
// addresses, emails, phoneNumbers, photo, eduPersonPrincipalNames, externalIdentifiers, middleName
// and whatever a later spec version adds) is dropped: an allow-list, so new fields fail closed.
const ALIAS_KEEPS = ['id', 'meta', 'sex', 'securityMarking', 'personStatus', 'enrolments', 'responsibles', '_embedded'];

const DROP = Symbol('drop');
type Out = unknown | typeof DROP;

/** The row as the caller may see it, or null when the row itself is hidden. */
export function redact<T>(row: T, verdicts: PersonVerdicts): T | null {
  const walk = (node: unknown, key: string | undefined): Out => {
    if (Array.isArray(node)) {
      const items: unknown[] = [];
      for (const item of node) {
        const out = walk(item, elementKey(key));
        if (out !== DROP) items.push(out);
      }
      return items;
    }
    if (!isObject(node)) return node;
    const id = idOf(node);
    const full = isFullPerson(node);
    const personKey = key !== undefined && (SUBJECT_KEYS.has(key) || MENTION_KEYS.has(key) || key === OWNERS_KEY);
    const collection = entityOf(key);
    if (collection !== undefined && id !== undefined && verdicts.hiddenRow(collection, id)) return DROP;
    let source: Json = node;
    if (id !== undefined && (full || personKey)) {
      const subject = full || key === OWNERS_KEY || SUBJECT_KEYS.has(key as string);
      if (verdicts.hidden(id, subject)) return DROP;
      const alias = verdicts.alias(id);
      if (alias !== undefined) {
        source = full
          ? {
              ...Object.fromEntries(ALIAS_KEEPS.filter((k) => k in node).map((k) => [k, node[k]])),
              givenName: alias.givenName,
              familyName: alias.familyName,
            }
          : { ...node, ...('displayName' in node ? { displayName: alias.displayName } : {}) };
      }
    }
    const result: Json = {};
    // The tolerant reader's marks of unreadable fields stay with the copy (an alias, built anew, has none).
    if (UNREADABLE in source) Object.assign(result, { [UNREADABLE]: (source as { [UNREADABLE]?: unknown })[UNREADABLE] });
    for (const [childKey, child] of Object.entries(source)) {
      const out = walk(child, childKey);
      if (out !== DROP) result[childKey] = out;
      // A hidden subject takes the object holding it along (membership, exception, the row);
      // a hidden mention is only left out.
      else if (SUBJECT_KEYS.has(childKey) || childKey in ENTITY_KEYS || childKey === '_embedded') return DROP;
    }
    return result;
  };
  const out = walk(row, undefined);
  return out === DROP ? null : (out as T);
}
