// Persons with protected identity in the generated dataset, and where they appear.
import type { Dataset } from '../../../src/demo/dataset';
import type * as W from '../../../src/ss12000/wire';

export const isProtectedPerson = (person: W.Person | undefined): boolean => person !== undefined && person.securityMarking !== 'Ingen';

export interface ProtectedSightings {
  protectedIds: Set<string>;
  /** A group with at least one protected and one other member. */
  group: W.Group;
  /** An unprotected student with a protected guardian. */
  childOfProtected: W.Person | undefined;
  /** A protected student with an unprotected guardian. */
  protectedChild: W.Person;
  guardianOfProtected: string;
}

export function protectedSightings(dataset: Dataset): ProtectedSightings {
  const protectedIds = new Set([...dataset.persons.values()].filter(isProtectedPerson).map((p) => p.id));
  const group = [...dataset.groups.values()].find((g) => (g.groupMemberships ?? []).some((m) => protectedIds.has(m.person.id))) as W.Group;
  const withResponsibles = [...dataset.persons.values()].filter((p) => (p.responsibles ?? []).length > 0);
  const childOfProtected = withResponsibles.find(
    (p) => !protectedIds.has(p.id) && p.responsibles?.some((r) => r.person && protectedIds.has(r.person.id)),
  );
  const protectedChild = withResponsibles.find(
    (p) => protectedIds.has(p.id) && p.responsibles?.some((r) => r.person && !protectedIds.has(r.person.id)),
  ) as W.Person;
  const guardianOfProtected = protectedChild.responsibles?.find((r) => r.person && !protectedIds.has(r.person.id))?.person?.id as string;
  return { protectedIds, group, childOfProtected, protectedChild, guardianOfProtected };
}
