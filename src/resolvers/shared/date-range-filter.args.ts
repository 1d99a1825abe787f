// The startDate/endDate window filters several SS 12000 lists share (groups, duties, placements,
// study plans, attendance schedules …), with the spec's dotted names on the wire.
import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import type { QueryValue } from '../../sources';
import { MetaFilterArgs, metaQuery } from './meta-filter.args';
import { wireDate } from './wire-params';

@ArgsType()
export class DateRangeFilterArgs extends MetaFilterArgs {
  @Field(() => DateResolver, { nullable: true })
  startDateOnOrBefore?: Date;

  @Field(() => DateResolver, { nullable: true })
  startDateOnOrAfter?: Date;

  @Field(() => DateResolver, { nullable: true })
  endDateOnOrBefore?: Date;

  @Field(() => DateResolver, { nullable: true })
  endDateOnOrAfter?: Date;
}

export const dateRangeQuery = (args: DateRangeFilterArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  'startDate.onOrBefore': wireDate(args.startDateOnOrBefore),
  'startDate.onOrAfter': wireDate(args.startDateOnOrAfter),
  'endDate.onOrBefore': wireDate(args.endDateOnOrBefore),
  'endDate.onOrAfter': wireDate(args.endDateOnOrAfter),
});
