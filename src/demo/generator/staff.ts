import type * as W from '../../ss12000/wire';
import type { CivicNumbers } from './identity';
import type { Ref, UnitInfo } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';
import { dutyOf, staffMember } from './staff-member';

export interface StaffBuilt {
  staff: W.Person[];
  duties: W.Duty[];
}

/** The non-teaching roles a unit has, by size; everyone else teaches (every eighth teacher is a förstelärare). */
const rolesOf = (unit: UnitInfo, count: number): W.Duty['dutyRole'][] => {
  const roles: W.Duty['dutyRole'][] = ['Rektor', 'Skoladministratör'];
  if (count >= 8) roles.push('Kurator', 'Skolsköterska');
  if (count >= 10) roles.push(unit.kind === 'F-6' ? 'Fritidspedagog' : 'Studie- och yrkesvägledare');
  for (let t = 0; roles.length < count; t++) roles.push(t % 8 === 7 ? 'Förstelärare' : 'Lärare');
  return roles;
};

const teaches = (role: W.Duty['dutyRole']): boolean => role === 'Lärare' || role === 'Förstelärare';

/**
 * Staff and their duties per unit (about staffRatio × students, at least three), with each
 * class's mentor recorded as the spec does it: Duty.assignmentRole {group, Mentor}.
 */
export const buildStaff = (
  config: GeneratorConfig,
  units: UnitInfo[],
  classesByUnit: ReadonlyMap<number, Ref[]>,
  civics: CivicNumbers,
  random: Random,
): StaffBuilt => {
  const staff: W.Person[] = [];
  const duties: W.Duty[] = [];
  for (const unit of units) {
    const count = Math.max(3, Math.round(unit.students.length * config.staffRatio));
    const unitDuties: W.Duty[] = [];
    const signatures = new Set<string>();
    for (const role of rolesOf(unit, count)) {
      const member = staffMember(config, civics, random, staff.length);
      const personId = member.person.id;
      staff.push(member.person);
      const duty = dutyOf(config, random, member, unit.ref, role, signatures);
      if (role === 'Rektor') unit.principal = { id: personId };
      if (teaches(role)) {
        unit.teacherDuties.push({ id: duty.id });
        unit.teacherPersons.push({ id: personId });
      }
      unitDuties.push(duty);
    }
    (classesByUnit.get(unit.index) ?? []).forEach((group, k) => {
      const mentor = unitDuties.find((d) => d.id === unit.teacherDuties[k % unit.teacherDuties.length]?.id) as W.Duty;
      (mentor.assignmentRole ??= []).push({ group, assignmentRoleType: 'Mentor', startDate: config.termStart, endDate: config.termEnd });
    });
    duties.push(...unitDuties);
  }
  return { staff, duties };
};
