import type * as W from '../../ss12000/wire';
import { civicNo, type Sex } from './civic-no';
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, STREET_NAMES, asciiName } from './names';
import { MUNICIPALITY } from './organisations';
import type { Random } from './random';

/** About one person in a hundred has a protected identity in the population register. */
export const PROTECTED_SHARE = 0.01;

export interface Identity {
  givenName: string;
  familyName: string;
  sex: Sex;
  birthDate: string;
  civicNo: string;
  securityMarking: W.SecurityMarking;
}

/** Hands out civic numbers that are unique in the dataset: one instance serves every kind of person. */
export class CivicNumbers {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  next(birthDate: string, sex: Sex): string {
    for (let attempt = 0; ; attempt++) {
      const value = civicNo(birthDate, this.random.int(500), sex);
      if (!this.used.has(value) || attempt > 2000) {
        this.used.add(value);
        return value;
      }
    }
  }
}

export const drawMarking = (random: Random): W.SecurityMarking => {
  if (!random.chance(PROTECTED_SHARE)) return 'Ingen';
  return random.chance(0.6) ? 'Sekretessmarkering' : 'Skyddad folkbokföring';
};

export const drawIdentity = (random: Random, civics: CivicNumbers, birthDate: string, familyName?: string): Identity => {
  const sex: Sex = random.chance(0.5) ? 'Man' : 'Kvinna';
  return {
    givenName: random.pick(sex === 'Man' ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE),
    familyName: familyName ?? random.pick(FAMILY_NAMES),
    sex,
    birthDate,
    civicNo: civics.next(birthDate, sex),
    securityMarking: drawMarking(random),
  };
};

export const birthDateIn = (random: Random, year: number): string => {
  const dayOfYear = random.int(365);
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
};

export const homeAddress = (random: Random): NonNullable<W.Person['addresses']>[number] => ({
  type: 'Folkbokföring',
  streetAddress: `${random.pick(STREET_NAMES)} ${random.between(1, 60)}`,
  postalCode: `999 ${random.between(30, 99)}`,
  locality: MUNICIPALITY.locality,
  municipalityCode: Number(MUNICIPALITY.code),
  countyCode: 9,
  country: 'Sverige',
});

/** Fictional mobile numbers: PTS reserves 070-1740605…070-1740699 for use in fiction. */
export const fictionalMobile = (random: Random): string => `070-17406${String(random.between(5, 99)).padStart(2, '0')}`;

/** A user name unique in the dataset: name letters plus a running number. */
export const userName = (identity: Identity, serial: number): string =>
  `${asciiName(identity.givenName).slice(0, 4)}${asciiName(identity.familyName).slice(0, 4)}${serial.toString(36)}`;

export type Address = NonNullable<W.Person['addresses']>[number];

/** Protected persons carry no address: that is the point of the marking. */
export const addressesFor = (identity: Identity, address: Address): Address[] | undefined =>
  identity.securityMarking === 'Ingen' ? [address] : undefined;
