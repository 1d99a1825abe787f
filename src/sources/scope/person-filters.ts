// Filters and sorts on persons under `alias`: a protected person must answer every filter and sort
// exactly as if its real attributes were its alias (given name `Skyddad`, family name `Person
// XXXXXXXX`, no middle name, civic number, e-mail, eppn or identifier). The producer matches and
// orders on real values, so what it answers is corrected here, as cheaply as the query allows:
//
// - `producer`: nothing asked depends on an attribute an alias changes (meta, relationships:
//   an alias keeps enrolments, responsibles and `_embedded`). The producer's answer is right.
// - drop protected: an exact-match filter (civicNo, eppn, identifier) or a nameContains no alias
//   can satisfy. An alias cannot match, so a protected person in the answer matched on a real
//   value: it is dropped before the Gate sees it. Every person left is unprotected, so the
//   producer's order is right too. The producer's filtered answer is read whole per page asked
//   and paged by offset (see personsPlan on `hasNextPage`): COST one walk of the matches, a few
//   rows for an exact filter, up to every person for `nameContains: ["a"]`.
// - served: a sort on names or civic numbers, or a nameContains an alias might satisfy ("son",
//   "person", "sky"). The producer can neither place nor find an alias, so the subgraph asks it
//   for every person of the caller's scope under the remaining filters, serves them (aliases
//   applied), matches and sorts those served values, and pages by offset. COST: one walk of every
//   person the producer lists, held in memory, per page asked (100,000 students: ~220,000 persons,
//   a few hundred producer pages; /persons has no unit filter, so a one-unit caller walks them all
//   too), where the producer path costs one page. Only these arguments under `alias` pay it;
//   `exclude` never does (protected persons are not served at all).
import type { QueryValue } from '../shared/query';

type Row = Record<string, unknown>;

/** Wire names of the persons filters an alias can never satisfy: it has no such value. */
const EXACT = ['civicNo', 'eduPersonPrincipalName', 'identifier.value', 'identifier.context'] as const;

/** Sorts on values an alias replaces (or lacks): the producer places an alias at its real value. */
const SERVED_SORTS: Readonly<Record<string, { field: 'displayName' | 'givenName' | 'familyName' | 'civicNo'; sign: 1 | -1 }>> = {
  DisplayNameAsc: { field: 'displayName', sign: 1 },
  GivenNameAsc: { field: 'givenName', sign: 1 },
  GivenNameDesc: { field: 'givenName', sign: -1 },
  FamilyNameAsc: { field: 'familyName', sign: 1 },
  FamilyNameDesc: { field: 'familyName', sign: -1 },
  CivicNoAsc: { field: 'civicNo', sign: 1 },
  CivicNoDesc: { field: 'civicNo', sign: -1 },
};

// Every alias: given name `Skyddad`, family name `Person ` and 8 hex digits (alias.ts), compared lower-cased.
const ALIAS_GIVEN = 'skyddad';
const ALIAS_FAMILY_PREFIX = 'person ';
const ALIAS_FAMILY_LENGTH = ALIAS_FAMILY_PREFIX.length + 8;
const HEX = /^[0-9a-f]$/;

/** Whether `part` (lower-cased) occurs in some alias's family name `person XXXXXXXX`. */
const inSomeAliasFamilyName = (part: string): boolean => {
  for (let start = 0; start + part.length <= ALIAS_FAMILY_LENGTH; start++) {
    let fits = true;
    for (let i = 0; i < part.length && fits; i++) {
      const at = start + i;
      const char = part[i] as string;
      fits = at < ALIAS_FAMILY_PREFIX.length ? ALIAS_FAMILY_PREFIX[at] === char : HEX.test(char);
    }
    if (fits) return true;
  }
  return false;
};

/** Whether some alias could satisfy every part (each part in the given or the family name). */
export const aliasMayMatch = (parts: readonly string[]): boolean =>
  parts.every((part) => ALIAS_GIVEN.includes(part) || inSomeAliasFamilyName(part));

const partsOf = (value: QueryValue): string[] | undefined => {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map((part) => String(part).toLocaleLowerCase('sv'));
};

const present = (value: QueryValue): boolean => value !== undefined && value !== null;

/** SS 12000's nameContains on a served row: every part occurs in the given, middle or family name. */
const nameMatches = (row: Row, parts: readonly string[]): boolean => {
  const names = [row.givenName, row.middleName, row.familyName]
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.toLocaleLowerCase('sv'));
  return parts.every((part) => names.some((name) => name.includes(part)));
};

const sortValue = (row: Row, field: string): string | undefined => {
  if (field === 'civicNo') {
    const civicNo = row.civicNo as { value?: unknown } | undefined;
    return typeof civicNo?.value === 'string' ? civicNo.value : undefined;
  }
  // Persons have no displayName: a class list's order, family name first (as the spec's producers do).
  if (field === 'displayName')
    return typeof row.familyName === 'string' ? `${row.familyName} ${typeof row.givenName === 'string' ? row.givenName : ''}` : undefined;
  const value = row[field];
  return typeof value === 'string' ? value : undefined;
};

/** The producers' order on served values: Swedish collation, persons without the value last whatever the direction. */
const comparator =
  (field: string, sign: 1 | -1) =>
  (a: Row, b: Row): number => {
    const va = sortValue(a, field);
    const vb = sortValue(b, field);
    if (va === undefined || vb === undefined) return va === vb ? 0 : va === undefined ? 1 : -1;
    return sign * va.localeCompare(vb, 'sv');
  };

/**
 * How a /persons query is answered: straight from the producer, or materialised (every row the
 * producer answers for `producerQuery`, through the Gate, kept where `matches`, ordered by
 * `compare`, paged by offset).
 */
export type PersonsPlan =
  | { readonly kind: 'producer' }
  | {
      readonly kind: 'materialised';
      /** What the producer is asked. */
      readonly producerQuery: Record<string, QueryValue>;
      /** Drop protected persons before the Gate: they matched on a real value no alias has. */
      readonly dropProtected: boolean;
      /** Whether a served (aliased) row matches the filters taken off the producer's query. */
      readonly matches: ((row: Row) => boolean) | undefined;
      readonly compare: ((a: Row, b: Row) => number) | undefined;
    };

const PRODUCER: PersonsPlan = { kind: 'producer' };

/**
 * How a /persons query must be answered under `protectedIdentities` (see the top of this file).
 *
 * A filter on real values is materialised under `exclude` too: answered page by page, a page whose
 * visible rows ran out while the producer's did not says `hasNextPage: true` and then serves an
 * empty page — a count of hidden persons with that name or civic number. Materialised, the caller
 * gets exactly the rows it may see and `hasNextPage` only when one of them follows.
 */
export function personsPlan(query: Readonly<Record<string, QueryValue>>, protectedIdentities: 'exclude' | 'alias'): PersonsPlan {
  const exact = EXACT.some((name) => present(query[name]));
  const parts = partsOf(query.nameContains);
  if (protectedIdentities === 'exclude') {
    return exact || parts !== undefined
      ? { kind: 'materialised', producerQuery: { ...query }, dropProtected: false, matches: undefined, compare: undefined }
      : PRODUCER;
  }
  // Every person left is unprotected: the producer's matching and order are right for them.
  const dropProtected = {
    kind: 'materialised',
    producerQuery: { ...query },
    dropProtected: true,
    matches: undefined,
    compare: undefined,
  } as const;
  if (exact) return dropProtected;
  if (parts !== undefined && !aliasMayMatch(parts)) return dropProtected;
  const sortkey = typeof query.sortkey === 'string' ? query.sortkey : undefined;
  const sort = sortkey === undefined ? undefined : SERVED_SORTS[sortkey];
  if (parts === undefined && sort === undefined) return PRODUCER;
  const { nameContains: _name, sortkey: _sort, ...rest } = query;
  return {
    kind: 'materialised',
    // A sort the producer gets right (ModifiedDesc) is still the order served rows start in.
    producerQuery: sort === undefined && sortkey !== undefined ? { ...rest, sortkey } : rest,
    dropProtected: false,
    matches: parts === undefined ? undefined : (row) => nameMatches(row, parts),
    compare: sort === undefined ? undefined : comparator(sort.field, sort.sign),
  };
}

/** Protected unless marked `Ingen` (a row without a marking fails closed, as the Gate's checks do). */
export const isProtectedRow = (row: Row): boolean => row.securityMarking !== 'Ingen';

// Offsets into the served rows ride in the pageToken, which the scoped sources seal (bound to the
// query): a caller can neither forge one nor move it to other arguments.
const SERVED_TOKEN = /^served:(\d{1,9})$/;
export const servedToken = (offset: number): string => `served:${offset}`;
export const servedOffset = (token: string): number | undefined => {
  const match = SERVED_TOKEN.exec(token);
  return match ? Number(match[1]) : undefined;
};
