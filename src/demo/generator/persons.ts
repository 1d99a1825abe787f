import type * as W from '../../ss12000/wire';
import { birthYearOf, type PlannedClass } from './enrolment-plan';
import {
  type Address,
  addressesFor,
  birthDateIn,
  type CivicNumbers,
  drawIdentity,
  fictionalMobile,
  homeAddress,
  type Identity,
  userName,
} from './identity';
import { metaBefore } from './meta';
import { FAMILY_NAMES } from './names';
import type { Ref, UnitInfo } from './model';
import { MUNICIPALITY } from './organisations';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

export interface PersonsBuilt {
  students: W.Person[];
  guardians: W.Person[];
  /** Shared `{id}` references of the students, by student index. */
  studentRefs: Ref[];
}

export const personBase = (random: Random, config: GeneratorConfig, id: string, identity: Identity): W.Person => ({
  id,
  meta: metaBefore(random, config.termStart),
  givenName: identity.givenName,
  familyName: identity.familyName,
  civicNo: { value: identity.civicNo, nationality: 'SE' },
  birthDate: identity.birthDate,
  sex: identity.sex,
  securityMarking: identity.securityMarking,
  personStatus: 'Aktiv',
});

/**
 * A guardian of a family whose oldest child was born in `oldestBirthYear`, at the family's address
 * (none when protected); `serial` keeps the e-mail user name unique among guardians.
 */
export const guardianPerson = (
  config: GeneratorConfig,
  civics: CivicNumbers,
  random: Random,
  oldestBirthYear: number,
  familyName: string | undefined,
  serial: number,
  address: Address,
): W.Person => {
  const identity = drawIdentity(random, civics, birthDateIn(random, oldestBirthYear - random.between(22, 42)), familyName);
  const id = random.uuid();
  const user = userName(identity, serial);
  const addresses = addressesFor(identity, address);
  return {
    ...personBase(random, config, id, identity),
    emails: [{ value: `${user}@mail.example`, type: 'Privat' }],
    phoneNumbers: [{ value: fictionalMobile(random), type: 'Hem', mobile: true }],
    ...(addresses ? { addresses } : {}),
  };
};

/** Family sizes: 55 % only children, 33 % two siblings, 12 % three. */
const familySize = (random: Random): number => {
  const r = random.next();
  return r < 0.55 ? 1 : r < 0.88 ? 2 : 3;
};

/**
 * Students with 1–2 guardians each. Students are grouped into families at random, so
 * siblings (same family name, address and guardians) often attend different units.
 */
export const buildStudentsAndGuardians = (
  config: GeneratorConfig,
  units: readonly UnitInfo[],
  classes: readonly PlannedClass[],
  programmeRefs: ReadonlyMap<string, Ref>,
  civics: CivicNumbers,
  random: Random,
): PersonsBuilt => {
  const termYear = Number(config.termStart.slice(0, 4));
  const n = config.students;
  const classOf = new Int32Array(n);
  classes.forEach((c, i) => classOf.fill(i, c.first, c.first + c.count));
  const studentRefs: Ref[] = Array.from({ length: n }, () => ({ id: random.uuid() }));

  const order = random.shuffle(Array.from({ length: n }, (_, i) => i));

  const identities: Identity[] = new Array(n);
  const addresses: W.Person['addresses'][] = new Array(n);
  const responsibles: NonNullable<W.Person['responsibles']>[] = new Array(n);
  const guardians: W.Person[] = [];
  for (let at = 0; at < n;) {
    const members = order.slice(at, at + familySize(random));
    at += members.length;
    const address = homeAddress(random);
    const familyName = random.pick(FAMILY_NAMES);
    let oldestBirthYear = termYear;
    for (const s of members) {
      const c = classes[classOf[s] as number] as PlannedClass;
      const year = birthYearOf(termYear, c.schoolType, c.schoolYear);
      oldestBirthYear = Math.min(oldestBirthYear, year);
      identities[s] = drawIdentity(random, civics, birthDateIn(random, year), familyName);
      addresses[s] = addressesFor(identities[s] as Identity, address);
    }
    const family: NonNullable<W.Person['responsibles']> = [];
    const guardianCount = random.chance(0.75) ? 2 : 1;
    for (let g = 0; g < guardianCount; g++) {
      const guardian = guardianPerson(config, civics, random, oldestBirthYear, g === 0 ? familyName : undefined, guardians.length, address);
      const id = guardian.id;
      guardians.push(guardian);
      family.push({ person: { id }, relationType: 'Vårdnadshavare' });
    }
    for (const s of members) responsibles[s] = family;
  }

  const students = studentRefs.map((ref, s): W.Person => {
    const identity = identities[s] as Identity;
    const c = classes[classOf[s] as number] as PlannedClass;
    const unit = units[c.unit] as UnitInfo;
    const user = userName(identity, s);
    const firstYear = unit.kind === 'F-6' ? 0 : unit.kind === '7-9' ? 7 : 1;
    const lastYear = unit.kind === 'F-6' ? 6 : unit.kind === '7-9' ? 9 : 3;
    const enrolment: W.Person['enrolments'] = [
      {
        enroledAt: unit.ref,
        schoolYear: c.schoolYear,
        schoolType: c.schoolType,
        startDate: `${termYear - (c.schoolYear - firstYear)}-${config.termStart.slice(5)}`,
        endDate: `${termYear + (lastYear - c.schoolYear) + 1}-06-12`,
        ...(c.programme ? { programme: programmeRefs.get(c.programme) as Ref, educationCode: c.programme } : {}),
      },
    ];
    const address = addresses[s];
    return {
      ...personBase(random, config, ref.id, identity),
      eduPersonPrincipalNames: [`${user}@elev.${MUNICIPALITY.domain}`],
      externalIdentifiers: [{ value: user, context: `https://${MUNICIPALITY.domain}/ad`, globallyUnique: false }],
      emails: [{ value: `${user}@elev.${MUNICIPALITY.domain}`, type: 'Skola elev' }],
      ...(c.schoolType === 'GY' || c.schoolYear >= 7
        ? { phoneNumbers: [{ value: fictionalMobile(random), type: 'Hem' as const, mobile: true }] }
        : {}),
      ...(address ? { addresses: address } : {}),
      enrolments: enrolment,
      responsibles: responsibles[s] as NonNullable<W.Person['responsibles']>,
    };
  });
  return { students, guardians, studentRefs };
};
