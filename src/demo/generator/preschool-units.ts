import type * as W from '../../ss12000/wire';
import { metaBefore } from './meta';
import type { Ref } from './model';
import type { GeneratorConfig } from './options';
import { MUNICIPALITY } from './organisations';
import type { Random } from './random';

const PRESCHOOL_NAMES = [
  'Solrosen',
  'Blåklinten',
  'Vitsippan',
  'Prästkragen',
  'Smultronet',
  'Lingonet',
  'Nyckelpigan',
  'Humlan',
  'Ekorren',
  'Gläntan',
];

/** A förskola: its organisation and the running index its codes are made from. */
export interface PreschoolUnit {
  readonly index: number;
  readonly ref: Ref;
  readonly name: string;
}

export const preschoolName = (index: number): string => {
  const base = PRESCHOOL_NAMES[index % PRESCHOOL_NAMES.length] as string;
  return `Förskolan ${base}${index >= PRESCHOOL_NAMES.length ? ` ${Math.floor(index / PRESCHOOL_NAMES.length) + 1}` : ''}`;
};

/** About one förskola per 1,000 students, at least one. */
export const preschoolCount = (config: GeneratorConfig): number => Math.max(1, Math.round(config.students / 1000));

/**
 * Förskolor (schoolType FS) under the huvudman. Their school unit codes start at 80,000,000, below
 * the school units' 91,000,000 and spaced as those are, so no two codes collide at any size.
 */
export const buildPreschoolUnits = (
  config: GeneratorConfig,
  huvudman: Ref,
  random: Random,
): { units: PreschoolUnit[]; organisations: W.Organisation[] } => {
  const units: PreschoolUnit[] = [];
  const organisations: W.Organisation[] = [];
  for (let index = 0; index < preschoolCount(config); index++) {
    const id = random.uuid();
    const name = preschoolName(index);
    const code = `FS${String(index + 1).padStart(3, '0')}`;
    organisations.push({
      id,
      meta: metaBefore(random, config.termStart),
      displayName: name,
      organisationType: 'Skolenhet',
      organisationCode: code,
      schoolUnitCode: String(80_000_000 + index * 1_013 + random.int(1_000)),
      schoolTypes: ['FS'],
      parentOrganisation: { id: huvudman.id },
      municipalityCode: MUNICIPALITY.code,
      email: `forskola.${code.toLowerCase()}@${MUNICIPALITY.domain}`,
      phoneNumber: `0999-13 ${String(10 + (index % 90)).padStart(2, '0')} 00`,
      url: `https://www.${MUNICIPALITY.domain}/forskolor/${index + 1}`,
      address: {
        type: 'Besöksadress',
        streetAddress: `Förskolevägen ${index + 1}`,
        postalCode: `999 ${String(20 + (index % 70)).padStart(2, '0')}`,
        locality: MUNICIPALITY.locality,
        municipalityCode: Number(MUNICIPALITY.code),
        countyCode: 9,
        country: 'Sverige',
      },
      startDate: '2001-07-01',
    });
    units.push({ index, ref: { id }, name });
  }
  return { units, organisations };
};
