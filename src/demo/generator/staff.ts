import type * as W from '../../ss12000/wire';
import { birthDateIn, type CivicNumbers, drawIdentity, fictionalMobile, homeAddress, addressesFor, userName } from './identity';
import { metaBefore } from './meta';
import type { Ref, UnitInfo } from './model';
import { MUNICIPALITY } from './organisations';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

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
  const termYear = Number(config.termStart.slice(0, 4));
  const staff: W.Person[] = [];
  const duties: W.Duty[] = [];
  for (const unit of units) {
    const count = Math.max(3, Math.round(unit.students.length * config.staffRatio));
    const unitDuties: W.Duty[] = [];
    const signatures = new Set<string>();
    for (const role of rolesOf(unit, count)) {
      const identity = drawIdentity(random, civics, birthDateIn(random, termYear - random.between(25, 64)));
      const personId = random.uuid();
      const user = userName(identity, staff.length);
      const addresses = addressesFor(identity, homeAddress(random));
      staff.push({
        id: personId,
        meta: metaBefore(random, config.termStart),
        givenName: identity.givenName,
        familyName: identity.familyName,
        eduPersonPrincipalNames: [`${user}@${MUNICIPALITY.domain}`],
        externalIdentifiers: [{ value: user, context: `https://${MUNICIPALITY.domain}/ad`, globallyUnique: false }],
        civicNo: { value: identity.civicNo, nationality: 'SE' },
        birthDate: identity.birthDate,
        sex: identity.sex,
        securityMarking: identity.securityMarking,
        personStatus: 'Aktiv',
        emails: [{ value: `${user}@${MUNICIPALITY.domain}`, type: 'Skola personal' }],
        phoneNumbers: [{ value: fictionalMobile(random), type: 'Arbete', mobile: true }],
        ...(addresses ? { addresses } : {}),
      });
      let signature = `${identity.givenName.slice(0, 2)}${identity.familyName.slice(0, 2)}`.toUpperCase();
      for (let k = 2; signatures.has(signature); k++) signature = `${signature.slice(0, 4)}${k}`;
      signatures.add(signature);
      const dutyPercent = random.chance(0.8) ? 100 : random.pick([50, 75, 80]);
      const duty: W.Duty = {
        id: random.uuid(),
        meta: metaBefore(random, config.termStart),
        person: { id: personId },
        dutyAt: unit.ref,
        dutyRole: role,
        signature,
        dutyPercent,
        hoursPerYear: Math.round((1767 * dutyPercent) / 100),
        startDate: `${termYear - random.between(0, 15)}-08-01`,
      };
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
