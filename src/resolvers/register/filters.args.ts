// List filters of the register paths: the spec's dotted query names in camelCase, enums typed.
import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID } from 'type-graphql';
import type { QueryValue } from '../../sources';
import { readCivicNo } from '../../ss12000/civic-no';
import { badUserInput } from '../shared/errors';
import { optionalId as id, optionalIds as ids } from '../shared/ids';
import { DateRangeFilterArgs, dateRangeQuery } from '../shared/date-range-filter.args';
import { MetaFilterArgs, metaQuery } from '../shared/meta-filter.args';
import { DutyRole, GroupType, OrganisationType, SchoolType } from '../shared/ss12000-enums';
import { wireDate } from '../shared/wire-params';
import { RelationshipEntityType } from './enums';
import {
  DutySortkey,
  GroupSortkey,
  OrganisationSortkey,
  PersonSortkey,
  PlacementSortkey,
  ProgrammeSortkey,
  SyllabusSortkey,
} from './sortkeys';

@ArgsType()
export class OrganisationsArgs extends DateRangeFilterArgs {
  @Field(() => [ID], { nullable: true, description: 'Children of these organisation elements.' })
  parent?: string[];

  @Field(() => [String], { nullable: true })
  schoolUnitCode?: string[];

  @Field(() => [String], { nullable: true })
  organisationCode?: string[];

  @Field(() => String, { nullable: true })
  municipalityCode?: string;

  @Field(() => [OrganisationType], { nullable: true })
  type?: string[];

  @Field(() => [SchoolType], { nullable: true })
  schoolTypes?: string[];

  @Field(() => OrganisationSortkey, { nullable: true })
  sortkey?: string;
}

export const organisationsQuery = (args: OrganisationsArgs): Record<string, QueryValue> => ({
  ...dateRangeQuery(args),
  parent: ids(args.parent, 'parent'),
  schoolUnitCode: args.schoolUnitCode,
  organisationCode: args.organisationCode,
  municipalityCode: args.municipalityCode,
  type: args.type,
  schoolTypes: args.schoolTypes,
  sortkey: args.sortkey,
});

@ArgsType()
export class PersonsArgs extends MetaFilterArgs {
  @Field(() => [String], { nullable: true, description: 'Every part must occur in a name.' })
  nameContains?: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'A civic number as people write it: 12 or 10 digits, with or without - (or + for the 100-year-olds); read as the 12 digits SS 12000 stores.',
  })
  civicNo?: string;

  @Field(() => String, { nullable: true })
  eduPersonPrincipalName?: string;

  @Field(() => String, { nullable: true })
  identifierValue?: string;

  @Field(() => String, { nullable: true })
  identifierContext?: string;

  @Field(() => RelationshipEntityType, { nullable: true })
  relationshipEntityType?: string;

  @Field(() => ID, { nullable: true })
  relationshipOrganisation?: string;

  @Field(() => DateResolver, { nullable: true })
  relationshipStartDateOnOrBefore?: Date;

  @Field(() => DateResolver, { nullable: true })
  relationshipStartDateOnOrAfter?: Date;

  @Field(() => DateResolver, { nullable: true })
  relationshipEndDateOnOrBefore?: Date;

  @Field(() => DateResolver, { nullable: true })
  relationshipEndDateOnOrAfter?: Date;

  @Field(() => PersonSortkey, { nullable: true })
  sortkey?: string;
}

const civicNoFilter = (input: string): string => {
  const reading = readCivicNo(input);
  if (!reading.ok) throw badUserInput(`civicNo ${reading.problem}.`, 'civicNo');
  return reading.value;
};

export const personsQuery = (args: PersonsArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  nameContains: args.nameContains,
  civicNo: args.civicNo == null ? undefined : civicNoFilter(args.civicNo),
  eduPersonPrincipalName: args.eduPersonPrincipalName,
  'identifier.value': args.identifierValue,
  'identifier.context': args.identifierContext,
  'relationship.entity.type': args.relationshipEntityType,
  'relationship.organisation': id(args.relationshipOrganisation, 'relationshipOrganisation'),
  'relationship.startDate.onOrBefore': wireDate(args.relationshipStartDateOnOrBefore),
  'relationship.startDate.onOrAfter': wireDate(args.relationshipStartDateOnOrAfter),
  'relationship.endDate.onOrBefore': wireDate(args.relationshipEndDateOnOrBefore),
  'relationship.endDate.onOrAfter': wireDate(args.relationshipEndDateOnOrAfter),
  sortkey: args.sortkey,
});

@ArgsType()
export class PlacementsArgs extends DateRangeFilterArgs {
  @Field(() => ID, { nullable: true })
  organisation?: string;

  @Field(() => ID, { nullable: true })
  group?: string;

  @Field(() => ID, { nullable: true })
  child?: string;

  @Field(() => ID, { nullable: true })
  owner?: string;

  @Field(() => PlacementSortkey, { nullable: true })
  sortkey?: string;
}

export const placementsQuery = (args: PlacementsArgs): Record<string, QueryValue> => ({
  ...dateRangeQuery(args),
  organisation: id(args.organisation, 'organisation'),
  group: id(args.group, 'group'),
  child: id(args.child, 'child'),
  owner: id(args.owner, 'owner'),
  sortkey: args.sortkey,
});

@ArgsType()
export class DutiesArgs extends DateRangeFilterArgs {
  @Field(() => ID, { nullable: true })
  organisation?: string;

  @Field(() => DutyRole, { nullable: true })
  dutyRole?: string;

  @Field(() => ID, { nullable: true })
  person?: string;

  @Field(() => DutySortkey, { nullable: true })
  sortkey?: string;
}

export const dutiesQuery = (args: DutiesArgs): Record<string, QueryValue> => ({
  ...dateRangeQuery(args),
  organisation: id(args.organisation, 'organisation'),
  dutyRole: args.dutyRole,
  person: id(args.person, 'person'),
  sortkey: args.sortkey,
});

@ArgsType()
export class GroupsArgs extends DateRangeFilterArgs {
  @Field(() => [GroupType], { nullable: true })
  groupType?: string[];

  @Field(() => [SchoolType], { nullable: true })
  schoolTypes?: string[];

  @Field(() => [ID], { nullable: true })
  organisation?: string[];

  @Field(() => GroupSortkey, { nullable: true })
  sortkey?: string;
}

export const groupsQuery = (args: GroupsArgs): Record<string, QueryValue> => ({
  ...dateRangeQuery(args),
  groupType: args.groupType,
  schoolTypes: args.schoolTypes,
  organisation: ids(args.organisation, 'organisation'),
  sortkey: args.sortkey,
});

@ArgsType()
export class ProgrammesArgs extends MetaFilterArgs {
  @Field(() => [SchoolType], { nullable: true })
  schoolType?: string[];

  @Field(() => String, { nullable: true })
  code?: string;

  @Field(() => ID, { nullable: true })
  parentProgramme?: string;

  @Field(() => ProgrammeSortkey, { nullable: true })
  sortkey?: string;
}

export const programmesQuery = (args: ProgrammesArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  schoolType: args.schoolType,
  code: args.code,
  parentProgramme: id(args.parentProgramme, 'parentProgramme'),
  sortkey: args.sortkey,
});

@ArgsType()
export class SyllabusesArgs extends MetaFilterArgs {
  @Field(() => SyllabusSortkey, { nullable: true })
  sortkey?: string;
}

export const syllabusesQuery = (args: SyllabusesArgs): Record<string, QueryValue> => ({ ...metaQuery(args), sortkey: args.sortkey });

@ArgsType()
export class SchoolUnitOfferingsArgs extends MetaFilterArgs {
  @Field(() => ID, { nullable: true })
  organisation?: string;

  @Field(() => PlacementSortkey, { nullable: true })
  sortkey?: string;
}

export const schoolUnitOfferingsQuery = (args: SchoolUnitOfferingsArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  organisation: id(args.organisation, 'organisation'),
  sortkey: args.sortkey,
});
