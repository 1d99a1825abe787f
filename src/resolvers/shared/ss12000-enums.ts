// SS 12000 enums used by more than one subgraph. Defined once: composition requires the same values everywhere.
import { ss12000Enum } from './enums';

export const SecurityMarking = ss12000Enum(
  'SecurityMarking',
  ['Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring'] as const,
  'Protected identity marking from the population register (SS 12000 Person.securityMarking).',
);

export const SchoolType = ss12000Enum(
  'SchoolType',
  [
    'FS',
    'FKLASS',
    'FTH',
    'OPPFTH',
    'GR',
    'GRS',
    'TR',
    'SP',
    'SAM',
    'GY',
    'GYS',
    'VUX',
    'VUXSFI',
    'VUXGR',
    'VUXGY',
    'VUXSARGR',
    'VUXSARTR',
    'VUXSARGY',
    'SFI',
    'SARVUX',
    'SARVUXGR',
    'SARVUXGY',
    'KU',
    'YH',
    'FHS',
    'STF',
    'KKU',
    'HS',
    'ABU',
    'AU',
  ] as const,
  'School type (SS 12000 SchoolTypesEnum).',
);

export const OrganisationType = ss12000Enum(
  'OrganisationType',
  ['Huvudman', 'Verksamhetsområde', 'Förvaltning', 'Rektorsområde', 'Skola', 'Skolenhet', 'Varumärke', 'Bolag', 'Övrigt'] as const,
  'Kind of organisation element (SS 12000 OrganisationTypeEnum).',
);

export const GroupType = ss12000Enum(
  'GroupType',
  ['Undervisning', 'Klass', 'Mentor', 'Provgrupp', 'Schema', 'Avdelning', 'Personalgrupp', 'Övrigt'] as const,
  'Kind of group (SS 12000 GroupTypesEnum).',
);

export const AssignmentRoleType = ss12000Enum(
  'AssignmentRoleType',
  [
    'Mentor',
    'Förskollärare',
    'Barnskötare',
    'Fritidspedagog',
    'Specialpedagog',
    'Elevhälsopersonal',
    'Pedagogisk ledare',
    'Schemaläggare',
    'Lärarassistent',
    'Administrativ personal',
  ] as const,
  'Role of a duty towards a group (SS 12000 AssignmentRoleTypeEnum).',
);

export const DutyRole = ss12000Enum(
  'DutyRole',
  [
    'Rektor',
    'Lärare',
    'Förskollärare',
    'Barnskötare',
    'Bibliotekarie',
    'Lärarassistent',
    'Fritidspedagog',
    'Annan personal',
    'Studie- och yrkesvägledare',
    'Förstelärare',
    'Kurator',
    'Skolsköterska',
    'Skolläkare',
    'Skolpsykolog',
    'Speciallärare/specialpedagog',
    'Skoladministratör',
    'Övrig arbetsledning',
    'Övrig pedagogisk personal',
    'Förskolechef',
  ] as const,
  'Role of a duty (SS 12000 DutyRole).',
);
