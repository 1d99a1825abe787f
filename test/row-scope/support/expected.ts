// What a unit-limited caller should see, computed from the generated dataset (the truth the
// producers serve), by the rules the sources enforce.
import type { Dataset } from '../../../src/demo/dataset';

export interface UnitTruth {
  students: Set<string>;
  staff: Set<string>;
  guardians: Set<string>;
  /** Everyone the unit's caller may see. */
  persons: Set<string>;
  protectedPersons: Set<string>;
}

export function unitTruth(dataset: Dataset, unitId: string): UnitTruth {
  const students = new Set<string>();
  for (const person of dataset.persons.values())
    if ((person.enrolments ?? []).some((e) => e.enroledAt.id === unitId)) students.add(person.id);
  for (const placement of dataset.placements.values()) if (placement.placedAt.id === unitId) students.add(placement.child.id);
  const staff = new Set<string>();
  for (const duty of dataset.duties.values()) if (duty.dutyAt.id === unitId && duty.person) staff.add(duty.person.id);
  const guardians = new Set<string>();
  for (const id of students) for (const r of dataset.persons.get(id)?.responsibles ?? []) if (r.person) guardians.add(r.person.id);
  const persons = new Set([...students, ...staff, ...guardians]);
  const protectedPersons = new Set([...dataset.persons.values()].filter((p) => p.securityMarking !== 'Ingen').map((p) => p.id));
  return { students, staff, guardians, persons, protectedPersons };
}

/** A unit other than `unitId` (for out-of-unit ids). */
export const otherUnit = (dataset: Dataset, unitId: string): string =>
  [...dataset.organisations.values()].find((o) => o.organisationType === 'Skolenhet' && o.id !== unitId)?.id as string;

export const schoolUnitByCode = (dataset: Dataset, code: string): string =>
  [...dataset.organisations.values()].find((o) => o.schoolUnitCode === code)?.id as string;
