import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { SchoolType } from '../../shared/ss12000-enums';
import { AbsenceGrouping } from './grouping';

@InputType('AbsenceSummaryFilter', { description: 'Every given list narrows the selection; the lists combine with AND.' })
export class AbsenceSummaryFilter {
  @Field(() => [ID], {
    nullable: true,
    description: 'Organisations owning the activities (school units). Units outside the caller\u2019s are ignored.',
  })
  units?: string[];

  @Field(() => [ID], { nullable: true, description: 'Lessons given to at least one of these groups.' })
  groups?: string[];

  @Field(() => [SchoolType], { nullable: true })
  schoolTypes?: string[];

  @Field(() => [ID], {
    nullable: true,
    description:
      'Students (refused with FORBIDDEN for a supplier with a minimum group size: two lists differing in one student would give that student alone).',
  })
  students?: string[];
}

@ArgsType()
export class AbsenceSummaryArgs {
  @Field(() => DateResolver, { description: 'First day of the window (inclusive, Swedish local date).' })
  startDate!: Date;

  @Field(() => DateResolver, { description: 'Last day of the window (inclusive).' })
  endDate!: Date;

  @Field(() => AbsenceGrouping)
  groupBy!: AbsenceGrouping;

  @Field(() => AbsenceSummaryFilter, { nullable: true })
  filter?: AbsenceSummaryFilter;

  @Field(() => Int, { nullable: true, description: 'Rows per page (default 50, at most 1000).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}
