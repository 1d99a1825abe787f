// Row-scope bypass attempts, written once and run two ways: here against the subgraphs with the
// scope given directly (test/row-scope/bypass.test.ts), and — for the enforcement suite — through
// the gateway with the demo keys, or straight to a subgraph with a signed caller (`subgraph` set).
// Each case states what must NOT be in the answer (data or error messages): checks hold whatever
// field permissions add (a FORBIDDEN field leaks nothing either).
import type { Dataset } from '../../../src/demo/dataset';
import type { ProducerName } from '../../../src/ss12000/resources';
import type * as W from '../../../src/ss12000/wire';
import { otherUnit, schoolUnitByCode } from './expected';
import { isProtectedPerson } from './protected';

export type Supplier = 'demo-lms' | 'demo-analytics';

export interface BypassResult {
  data?: any;
  errors?: readonly { message: string }[];
}

export interface BypassCase {
  name: string;
  supplier: Supplier;
  /** Only reachable on this subgraph (`_entities`); undefined: a gateway query. */
  subgraph?: ProducerName;
  /** Which subgraph serves it when run per subgraph. */
  servedBy: ProducerName;
  document: string;
  variables: Record<string, unknown>;
  /** Values that must appear nowhere in the answer (data or errors). */
  secrets: string[];
  /** Extra checks on the data, when there is data. */
  check(result: BypassResult): void;
}

/** Identifying values of a person that nobody else shares (names alone may be someone else's). */
export const secretsOf = (person: W.Person | undefined): string[] =>
  person === undefined
    ? []
    : [
        `${person.givenName} ${person.familyName}`,
        person.civicNo?.value,
        ...(person.emails ?? []).map((e) => e.value),
        ...(person.eduPersonPrincipalNames ?? []),
      ].filter((value): value is string => typeof value === 'string');

export function bypassCases(dataset: Dataset): BypassCase[] {
  const unit = schoolUnitByCode(dataset, '91000095');
  const other = otherUnit(dataset, unit);
  const persons = [...dataset.persons.values()];
  const enrolledAt = (p: W.Person, org: string) => (p.enrolments ?? []).some((e) => e.enroledAt.id === org);
  const outsider = persons.find((p) => enrolledAt(p, other) && !isProtectedPerson(p)) as W.Person;
  const protectedInUnit = persons.find((p) => enrolledAt(p, unit) && isProtectedPerson(p)) as W.Person;
  const protectedAnywhere = persons.filter(isProtectedPerson);
  const foreignGroup = [...dataset.groups.values()].find(
    (g) => g.organisation.id === other && (g.groupMemberships ?? []).length > 0,
  ) as W.Group;
  const foreignMembers = (foreignGroup.groupMemberships ?? []).map((m) => dataset.persons.get(m.person.id));
  const foreignActivity = [...dataset.activities.values()].find((a) => a.organisation.id === other) as W.Activity;
  const groupWithProtected = [...dataset.groups.values()].find((g) =>
    (g.groupMemberships ?? []).some((m) => m.person.id === protectedInUnit.id),
  ) as W.Group;
  const protectedGrade = [...dataset.grades.values()].find((g) => protectedAnywhere.some((p) => p.id === g.student.id)) as W.Grade;

  const nothingThere = (path: string) => (result: BypassResult) => {
    if (result.data) expect(result.data[path] ?? null).toBeNull();
  };

  return [
    {
      name: 'a person of another unit by id, under an alias and through a fragment',
      supplier: 'demo-lms',
      servedBy: 'register',
      document: 'query ($id: ID!) { hidden: person(id: $id) { ...P } } fragment P on Person { id givenName familyName civicNo { value } }',
      variables: { id: outsider.id },
      secrets: secretsOf(outsider),
      check: nothingThere('hidden'),
    },
    {
      name: 'a group of another unit, and its members, by id',
      supplier: 'demo-lms',
      servedBy: 'register',
      document: 'query ($id: ID!) { group(id: $id) { id displayName groupMemberships { person { id givenName familyName } } } }',
      variables: { id: foreignGroup.id },
      secrets: [foreignGroup.displayName, ...foreignMembers.flatMap(secretsOf)],
      check: nothingThere('group'),
    },
    {
      name: 'an activity of another unit by id',
      supplier: 'demo-lms',
      servedBy: 'schedule',
      document: 'query ($id: ID!) { activity(id: $id) { id displayName } }',
      variables: { id: foreignActivity.id },
      secrets: [foreignActivity.displayName],
      check: nothingThere('activity'),
    },
    {
      name: "another unit's groups through a list filter",
      supplier: 'demo-lms',
      servedBy: 'register',
      document: 'query ($org: [ID!]) { groups(organisation: $org, first: 100) { edges { node { id displayName } } } }',
      variables: { org: [other] },
      secrets: [foreignGroup.displayName],
      check: (result) => {
        if (result.data?.groups) expect(result.data.groups.edges).toEqual([]);
      },
    },
    {
      name: "a protected member's civic number through group → members (alias)",
      supplier: 'demo-lms',
      servedBy: 'register',
      document:
        'query ($id: ID!) { group(id: $id) { groupMemberships { person { id givenName familyName civicNo { value } birthDate } } } }',
      variables: { id: groupWithProtected.id },
      secrets: secretsOf(protectedInUnit).concat(protectedInUnit.birthDate ?? []),
      check: () => undefined,
    },
    {
      name: 'a protected person through _entities, straight to the register subgraph (exclude)',
      supplier: 'demo-analytics',
      subgraph: 'register',
      servedBy: 'register',
      document: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id givenName familyName } } }',
      variables: { r: [{ __typename: 'Person', id: protectedInUnit.id }] },
      secrets: secretsOf(protectedInUnit),
      check: (result) => {
        if (result.data) expect(result.data._entities).toEqual([null]);
      },
    },
    {
      name: "a protected student's grade through _entities, straight to the grades subgraph (exclude)",
      supplier: 'demo-analytics',
      subgraph: 'grades',
      servedBy: 'grades',
      document: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Grade { id gradeValue } } }',
      variables: { r: [{ __typename: 'Grade', id: protectedGrade.id }] },
      secrets: [],
      check: (result) => {
        if (result.data) expect(result.data._entities).toEqual([null]);
      },
    },
    {
      name: "a protected student's attendance through a list filter (exclude)",
      supplier: 'demo-analytics',
      servedBy: 'attendance',
      document: 'query ($id: ID!) { attendances(student: $id, first: 100) { edges { node { id } } } }',
      variables: { id: protectedInUnit.id },
      secrets: [],
      check: (result) => {
        if (result.data?.attendances) expect(result.data.attendances.edges).toEqual([]);
      },
    },
  ];
}
