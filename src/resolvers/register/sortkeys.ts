// Sort orders of the register lists, as /X?sortkey= spells them.
import { ss12000Enum } from '../shared/enums';

export const OrganisationSortkey = ss12000Enum(
  'OrganisationSortkey',
  ['ModifiedDesc', 'DisplayNameAsc'] as const,
  'Sort order of /organisations.',
);

export const PersonSortkey = ss12000Enum(
  'PersonSortkey',
  [
    'DisplayNameAsc',
    'GivenNameDesc',
    'GivenNameAsc',
    'FamilyNameDesc',
    'FamilyNameAsc',
    'CivicNoAsc',
    'CivicNoDesc',
    'ModifiedDesc',
  ] as const,
  'Sort order of /persons.',
);

export const PlacementSortkey = ss12000Enum(
  'PlacementSortkey',
  ['StartDateAsc', 'StartDateDesc', 'EndDateAsc', 'EndDateDesc', 'ModifiedDesc'] as const,
  'Sort order of /placements and /schoolUnitOfferings.',
);

export const DutySortkey = ss12000Enum('DutySortkey', ['StartDateDesc', 'StartDateAsc', 'ModifiedDesc'] as const, 'Sort order of /duties.');

export const GroupSortkey = ss12000Enum(
  'GroupSortkey',
  ['ModifiedDesc', 'DisplayNameAsc', 'StartDateAsc', 'StartDateDesc', 'EndDateAsc', 'EndDateDesc'] as const,
  'Sort order of /groups.',
);

export const ProgrammeSortkey = ss12000Enum(
  'ProgrammeSortkey',
  ['NameAsc', 'CodeAsc', 'ModifiedDesc'] as const,
  'Sort order of /programmes.',
);

export const SyllabusSortkey = ss12000Enum(
  'SyllabusSortkey',
  [
    'ModifiedDesc',
    'SubjectNameAsc',
    'SubjectNameDesc',
    'SubjectCodeAsc',
    'SubjectCodeDesc',
    'CourseNameAsc',
    'CourseNameDesc',
    'CourseCodeAsc',
    'CourseCodeDesc',
    'SubjectDesignationAsc',
    'SubjectDesignationDesc',
  ] as const,
  'Sort order of /syllabuses.',
);
