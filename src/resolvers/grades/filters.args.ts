// List filters of the grades paths, named after the spec's dotted query names in camelCase.
import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID } from 'type-graphql';
import type { QueryValue } from '../../sources';
import { optionalId as id, optionalIds as ids } from '../shared/ids';
import { MetaFilterArgs, metaQuery } from '../shared/meta-filter.args';
import { DateRangeFilterArgs, dateRangeQuery } from '../shared/date-range-filter.args';
import { wireDate } from '../shared/wire-params';
import { GradeSortkey, StudyPlanSortkey } from './enums';

@ArgsType()
export class GradesArgs extends MetaFilterArgs {
  @Field(() => ID, { nullable: true, description: 'This organisation element and those below it.' })
  organisation?: string;

  @Field(() => ID, { nullable: true })
  student?: string;

  @Field(() => ID, { nullable: true })
  registeredBy?: string;

  @Field(() => ID, { nullable: true })
  gradingTeacher?: string;

  @Field(() => DateResolver, { nullable: true })
  registeredDateOnOrAfter?: Date;

  @Field(() => DateResolver, { nullable: true })
  registeredDateOnOrBefore?: Date;

  @Field(() => GradeSortkey, { nullable: true })
  sortkey?: string;
}

export const gradesQuery = (args: GradesArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  organisation: id(args.organisation, 'organisation'),
  student: id(args.student, 'student'),
  registeredBy: id(args.registeredBy, 'registeredBy'),
  gradingTeacher: id(args.gradingTeacher, 'gradingTeacher'),
  'registeredDate.onOrAfter': wireDate(args.registeredDateOnOrAfter),
  'registeredDate.onOrBefore': wireDate(args.registeredDateOnOrBefore),
  sortkey: args.sortkey,
});

@ArgsType()
export class StudyPlansArgs extends DateRangeFilterArgs {
  @Field(() => [ID], { nullable: true })
  student?: string[];

  @Field(() => StudyPlanSortkey, { nullable: true })
  sortkey?: string;
}

export const studyPlansQuery = (args: StudyPlansArgs): Record<string, QueryValue> => ({
  ...dateRangeQuery(args),
  student: ids(args.student, 'student'),
  sortkey: args.sortkey,
});
