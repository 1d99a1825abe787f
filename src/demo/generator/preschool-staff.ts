import type * as W from '../../ss12000/wire';
import type { CivicNumbers } from './identity';
import type { Ref } from './model';
import type { GeneratorConfig } from './options';
import type { PreschoolUnit } from './preschool-units';
import type { Random } from './random';
import { dutyOf, staffMember } from './staff-member';

export interface PreschoolStaffBuilt {
  staff: W.Person[];
  duties: W.Duty[];
  /** Person refs of each avdelning's pedagogues, by group id (they register check-ins). */
  staffOfGroup: Map<string, Ref[]>;
}

/** About one pedagogue per five children. */
const CHILDREN_PER_ADULT = 5;

/**
 * A rektor per förskola and, per avdelning, about one adult per five children (at least two):
 * a förskollärare first, then barnskötare and förskollärare in turn, each with the avdelning as
 * Duty.assignmentRole. `staffSerial` is the number of staff so far (user names stay unique).
 */
export const buildPreschoolStaff = (
  config: GeneratorConfig,
  units: readonly PreschoolUnit[],
  groupsOfUnit: ReadonlyMap<number, readonly W.Group[]>,
  civics: CivicNumbers,
  staffSerial: number,
  random: Random,
): PreschoolStaffBuilt => {
  const staff: W.Person[] = [];
  const duties: W.Duty[] = [];
  const staffOfGroup = new Map<string, Ref[]>();
  for (const unit of units) {
    const signatures = new Set<string>();
    const hire = (role: W.Duty['dutyRole']): W.Duty => {
      const member = staffMember(config, civics, random, staffSerial + staff.length);
      staff.push(member.person);
      const duty = dutyOf(config, random, member, unit.ref, role, signatures);
      duties.push(duty);
      return duty;
    };
    hire('Rektor');
    for (const group of groupsOfUnit.get(unit.index) ?? []) {
      const adults = Math.max(2, Math.round((group.groupMemberships?.length ?? 0) / CHILDREN_PER_ADULT));
      const refs: Ref[] = [];
      for (let k = 0; k < adults; k++) {
        const role = k % 2 === 0 ? 'Förskollärare' : 'Barnskötare';
        const duty = hire(role);
        duty.assignmentRole = [{ group: { id: group.id }, assignmentRoleType: role, startDate: config.termStart, endDate: config.termEnd }];
        refs.push(duty.person as Ref);
      }
      staffOfGroup.set(group.id, refs);
    }
  }
  return { staff, duties, staffOfGroup };
};
