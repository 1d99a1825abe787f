import type * as W from '../../ss12000/wire';
import type { PlannedClass } from './enrolment-plan';
import { metaBefore } from './meta';
import type { Ref, UnitInfo } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

/** One membership object per student, shared by every group the student is in (entities are read-only). */
export type Membership = NonNullable<W.Group['groupMemberships']>[number];

export const membershipsOf = (config: GeneratorConfig, studentRefs: readonly Ref[]): Membership[] =>
  studentRefs.map((person) => ({ person, startDate: config.termStart, endDate: config.termEnd }));

export interface ClassGroups {
  groups: W.Group[];
  /** Class group refs per unit, in class order (mentors are assigned from this). */
  byUnit: Map<number, Ref[]>;
}

export const buildClassGroups = (
  config: GeneratorConfig,
  units: readonly UnitInfo[],
  classes: readonly PlannedClass[],
  memberships: readonly Membership[],
  random: Random,
): ClassGroups => {
  const byUnit = new Map<number, Ref[]>();
  const groups = classes.map((c): W.Group => {
    const id = random.uuid();
    const list = byUnit.get(c.unit) ?? [];
    list.push({ id });
    byUnit.set(c.unit, list);
    return {
      id,
      meta: metaBefore(random, config.termStart),
      displayName: c.name,
      startDate: config.termStart,
      endDate: config.termEnd,
      groupType: 'Klass',
      schoolType: c.schoolType,
      organisation: (units[c.unit] as UnitInfo).ref,
      groupMemberships: memberships.slice(c.first, c.first + c.count),
    };
  });
  return { groups, byUnit };
};
