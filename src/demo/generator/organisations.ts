import type * as W from '../../ss12000/wire';
import { luhnDigit } from '../../ss12000/civic-no';
import { metaBefore } from './meta';
import type { UnitInfo, UnitKind } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

export const MUNICIPALITY = {
  name: 'Sjöviks kommun',
  // Not a real kommunkod (county 09 is Gotland, which has only 0980): no real municipality is implied.
  code: '0999',
  locality: 'Sjövik',
  domain: 'sjovik.example',
} as const;

const KINDS: readonly UnitKind[] = ['F-6', '7-9', 'GY'];
const UNIT_NAMES = ['Björkhagen', 'Ekbacken', 'Lindvalla', 'Sjöängen', 'Tallåsen', 'Granbo', 'Almdalen', 'Rönnby', 'Aspudden', 'Hagalund'];

export const schoolTypesOf = (kind: UnitKind): W.SchoolType[] => (kind === 'F-6' ? ['FKLASS', 'GR'] : kind === '7-9' ? ['GR'] : ['GY']);

const unitName = (kind: UnitKind, index: number): string => {
  const base = UNIT_NAMES[index % UNIT_NAMES.length] as string;
  const suffix = index >= UNIT_NAMES.length ? ` ${Math.floor(index / UNIT_NAMES.length) + 1}` : '';
  return kind === 'GY' ? `${base}gymnasiet${suffix}` : `${base}skolan${suffix}${kind === '7-9' ? ' 7-9' : ' F-6'}`;
};

export interface OrganisationsBuilt {
  huvudman: W.Organisation;
  units: UnitInfo[];
  organisations: W.Organisation[];
}

/** One huvudman and at least three school units, cycling F-6, 7-9 and gymnasium. */
export const buildOrganisations = (config: GeneratorConfig, random: Random): OrganisationsBuilt => {
  const orgNoBody = '212000099';
  const huvudman: W.Organisation = {
    id: random.uuid(),
    meta: metaBefore(random, config.termStart),
    displayName: MUNICIPALITY.name,
    organisationType: 'Huvudman',
    organisationNumber: `${orgNoBody.slice(0, 6)}-${orgNoBody.slice(6)}${luhnDigit(orgNoBody)}`,
    organisationCode: 'HM',
    municipalityCode: MUNICIPALITY.code,
    url: `https://www.${MUNICIPALITY.domain}/`,
    email: `utbildning@${MUNICIPALITY.domain}`,
    phoneNumber: '0999-12 00 00',
    address: {
      type: 'Postadress',
      streetAddress: 'Stadshuset, Storgatan 1',
      postalCode: '999 10',
      locality: MUNICIPALITY.locality,
      country: 'Sverige',
    },
    startDate: '1971-01-01',
  };
  const unitCount = Math.max(3, Math.round(config.students / config.studentsPerUnit));
  const units: UnitInfo[] = [];
  const organisations: W.Organisation[] = [huvudman];
  for (let index = 0; index < unitCount; index++) {
    const kind = KINDS[index % KINDS.length] as UnitKind;
    const name = unitName(kind, index);
    const id = random.uuid();
    const code = `SU${String(index + 1).padStart(3, '0')}`;
    organisations.push({
      id,
      meta: metaBefore(random, config.termStart),
      displayName: name,
      organisationType: 'Skolenhet',
      organisationCode: code,
      // Spaced by more than the random part so codes never collide.
      schoolUnitCode: String(91_000_000 + index * 1_013 + random.int(1_000)),
      schoolTypes: schoolTypesOf(kind),
      parentOrganisation: { id: huvudman.id },
      municipalityCode: MUNICIPALITY.code,
      email: `expedition.${code.toLowerCase()}@${MUNICIPALITY.domain}`,
      phoneNumber: `0999-12 ${String(10 + index).padStart(2, '0')} 00`,
      url: `https://www.${MUNICIPALITY.domain}/skolor/${index + 1}`,
      address: {
        type: 'Besöksadress',
        streetAddress: `Skolvägen ${index + 1}`,
        postalCode: `999 ${String(20 + (index % 70)).padStart(2, '0')}`,
        locality: MUNICIPALITY.locality,
        municipalityCode: Number(MUNICIPALITY.code),
        countyCode: 9,
        country: 'Sverige',
      },
      startDate: '1995-07-01',
    });
    units.push({
      index,
      ref: { id },
      kind,
      name,
      students: [],
      teacherDuties: [],
      teacherPersons: [],
      principal: { id: '' },
      resources: [],
    });
  }
  return { huvudman, units, organisations };
};
