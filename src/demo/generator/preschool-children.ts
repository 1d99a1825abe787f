import type * as W from '../../ss12000/wire';
import { type Address, addressesFor, birthDateIn, type CivicNumbers, drawIdentity, homeAddress } from './identity';
import { FAMILY_NAMES } from './names';
import type { GeneratorConfig } from './options';
import { guardianPerson, personBase } from './persons';
import type { Random } from './random';

export interface PreschoolChildrenBuilt {
  children: W.Person[];
  /** Guardians of the children who have no older sibling in school. */
  guardians: W.Person[];
}

/** Share of children by age 1…5: fewer one-year-olds, most families start at one or two. */
const AGE_SHARE = [0.14, 0.2, 0.22, 0.22, 0.22];

/** Younger siblings of F-6 students: they share the older child's guardians, name and home. */
export const SIBLING_SHARE = 0.3;

const ageOf = (random: Random): number => {
  let r = random.next();
  for (let age = 1; age < AGE_SHARE.length; age++) {
    r -= AGE_SHARE[age - 1] as number;
    if (r < 0) return age;
  }
  return AGE_SHARE.length;
};

/** A birth date `age` years before the term; a one-year-old has turned one by the first day. */
const birthDateFor = (random: Random, termStart: string, age: number): string => {
  const year = Number(termStart.slice(0, 4)) - age;
  if (age > 1) return birthDateIn(random, year);
  const daysBefore = (Date.parse(`${year}${termStart.slice(4)}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000;
  return new Date(Date.UTC(year, 0, 1 + random.int(daysBefore + 1))).toISOString().slice(0, 10);
};

/**
 * Children aged 1–5, about 0.2 × students, each with 1–2 guardians. Civic numbers come from the
 * dataset's one CivicNumbers, drawn after every existing person's, so they stay unique.
 * `guardianSerial` is the number of guardians so far (their e-mail user names stay unique).
 */
export const buildPreschoolChildren = (
  config: GeneratorConfig,
  olderSiblings: readonly W.Person[],
  civics: CivicNumbers,
  guardianSerial: number,
  random: Random,
): PreschoolChildrenBuilt => {
  const count = Math.max(1, Math.round(config.students * 0.2));
  const children: W.Person[] = [];
  const guardians: W.Person[] = [];
  for (let k = 0; k < count; k++) {
    const age = ageOf(random);
    const birthDate = birthDateFor(random, config.termStart, age);
    let familyName: string;
    let address: Address;
    let responsibles: NonNullable<W.Person['responsibles']>;
    if (olderSiblings.length > 0 && random.chance(SIBLING_SHARE)) {
      const sibling = random.pick(olderSiblings);
      familyName = sibling.familyName;
      // A protected sibling's home is not in the data: the child's is drawn like any other.
      address = sibling.addresses?.[0] ?? homeAddress(random);
      responsibles = sibling.responsibles ?? [];
    } else {
      familyName = random.pick(FAMILY_NAMES);
      address = homeAddress(random);
      responsibles = [];
      const guardianCount = random.chance(0.75) ? 2 : 1;
      for (let g = 0; g < guardianCount; g++) {
        const year = Number(birthDate.slice(0, 4));
        const guardian = guardianPerson(config, civics, random, year, g === 0 ? familyName : undefined, guardianSerial++, address);
        guardians.push(guardian);
        responsibles.push({ person: { id: guardian.id }, relationType: 'Vårdnadshavare' });
      }
    }
    const identity = drawIdentity(random, civics, birthDate, familyName);
    const addresses = addressesFor(identity, address);
    children.push({
      ...personBase(random, config, random.uuid(), identity),
      ...(addresses ? { addresses } : {}),
      responsibles,
    });
  }
  return { children, guardians };
};
