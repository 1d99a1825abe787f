// One employee and one duty: shared by the schools' staff and the förskolor's.
import type * as W from '../../ss12000/wire';
import {
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
import type { Ref } from './model';
import { MUNICIPALITY } from './organisations';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

export interface StaffMember {
  person: W.Person;
  identity: Identity;
}

/** One adult employee as a Person, with a work e-mail and login (`serial` keeps the user name unique). */
export const staffMember = (config: GeneratorConfig, civics: CivicNumbers, random: Random, serial: number): StaffMember => {
  const termYear = Number(config.termStart.slice(0, 4));
  const identity = drawIdentity(random, civics, birthDateIn(random, termYear - random.between(25, 64)));
  const personId = random.uuid();
  const user = userName(identity, serial);
  const addresses = addressesFor(identity, homeAddress(random));
  const person: W.Person = {
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
  };
  return { person, identity };
};

/** A duty at a unit, with a signature unique in `signatures` (the unit's so far). */
export const dutyOf = (
  config: GeneratorConfig,
  random: Random,
  member: StaffMember,
  unit: Ref,
  role: W.Duty['dutyRole'],
  signatures: Set<string>,
): W.Duty => {
  const termYear = Number(config.termStart.slice(0, 4));
  const { identity } = member;
  let signature = `${identity.givenName.slice(0, 2)}${identity.familyName.slice(0, 2)}`.toUpperCase();
  for (let k = 2; signatures.has(signature); k++) signature = `${signature.slice(0, 4)}${k}`;
  signatures.add(signature);
  const dutyPercent = random.chance(0.8) ? 100 : random.pick([50, 75, 80]);
  return {
    id: random.uuid(),
    meta: metaBefore(random, config.termStart),
    person: { id: member.person.id },
    dutyAt: unit,
    dutyRole: role,
    signature,
    dutyPercent,
    hoursPerYear: Math.round((1767 * dutyPercent) / 100),
    startDate: `${termYear - random.between(0, 15)}-08-01`,
  };
};
