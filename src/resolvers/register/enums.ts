// SS 12000 enums only the register subgraph uses (shared ones live in ../shared/ss12000-enums.ts).
import { ss12000Enum } from '../shared/enums';

export const Sex = ss12000Enum('Sex', ['Man', 'Kvinna', 'Okänt'] as const, 'Biological sex (SS 12000 Person.sex).');

export const PersonStatus = ss12000Enum('PersonStatus', ['Aktiv', 'Utvandrad', 'Avliden'] as const, 'SS 12000 Person.personStatus.');

export const EmailType = ss12000Enum(
  'EmailType',
  ['Privat', 'Skola elev', 'Skola personal', 'Arbete övrigt'] as const,
  'SS 12000 Email.type.',
);

export const PhoneNumberType = ss12000Enum('PhoneNumberType', ['Hem', 'Arbete'] as const, 'SS 12000 Phonenumber.type.');

export const PersonAddressType = ss12000Enum(
  'PersonAddressType',
  ['Folkbokföring', 'Särskild postadress', 'Tillfällig adress', 'Postadress'] as const,
  'SS 12000 Person.addresses[].type.',
);

export const OrganisationAddressType = ss12000Enum(
  'OrganisationAddressType',
  ['Besöksadress', 'Leveransadress', 'Postadress', 'Fakturaadress'] as const,
  'SS 12000 Organisation.address.type.',
);

export const ContactInfoType = ss12000Enum('ContactInfoType', ['Support', 'Publik'] as const, 'SS 12000 ContactInfo.infoType.');

export const RelationType = ss12000Enum(
  'RelationType',
  ['Vårdnadshavare', 'Annan ansvarig', 'God man', 'Utsedd behörig'] as const,
  'SS 12000 RelationTypesEnum: how a responsible relates to a person.',
);

export const PlacementReason = ss12000Enum(
  'PlacementReason',
  ['Omsorgsbehov', 'Erbjuden tid', 'Eget behov'] as const,
  'SS 12000 Placement.reason.',
);

export const ProgrammeType = ss12000Enum(
  'ProgrammeType',
  [
    'Yrkesprogram',
    'Högskoleförberedande program',
    'Intruduktionsprogram',
    'Nationellt yrkespaket',
    'Regionalt yrkespaket',
    'Fjärde tekniskt år',
    'Programinriktning',
    'Utgång',
  ] as const,
  'SS 12000 Programme.type (the spec spells Intruduktionsprogram so).',
);

export const ProgrammeContentType = ss12000Enum(
  'ProgrammeContentType',
  ['Gymnasiegemensamma', 'Programgemensamma', 'Inriktning', 'Programfördjupning', 'Gymnasiearbete', 'Individuellt val'] as const,
  'SS 12000 Programme.content[].type.',
);

export const Curriculum = ss12000Enum(
  'Curriculum',
  [
    'Lgy70',
    'Lgr80',
    'Lpo94',
    'Lpf94',
    'Lpfö98',
    'GR2000',
    'GY2000',
    'GYSÄR2000',
    'GYVUX2000',
    'GYVUX2001',
    'GYVUX2002',
    'GR2011',
    'GRSÄR2011',
    'SPEC2011',
    'SAM2011',
    'Lvux12',
    'GY2011',
    'GYSÄR2013',
    'VU2013',
  ] as const,
  'SS 12000 CurriculumEnum.',
);

export const RelationshipEntityType = ss12000Enum(
  'RelationshipEntityType',
  [
    'enrolment',
    'duty',
    'placement.child',
    'placement.owner',
    'responsibleFor.enrolment',
    'responsibleFor.placement',
    'groupMembership',
  ] as const,
  'Which relationship `relationship.*` filters on /persons look at.',
);
