// The absence summary's output types. Rates are fractions (0.12 = 12 %) of offered minutes.
import { DateResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/page-info.type';
import { SchoolType } from '../../shared/ss12000-enums';
import { ActivityStub, GroupStub, OrganisationStub, PersonStub } from '../stubs.type';
import { AbsenceGrouping } from './grouping';

@ObjectType('AbsenceFigures', { description: 'Minutes summed over lessons in the window, and the rates derived from them.' })
export class AbsenceFigures {
  @Field(() => Int, { description: 'Distinct students with at least one lesson counted here.' })
  studentCount!: number;

  @Field(() => Int, { description: 'Scheduled lesson minutes (offeredSum).' })
  offeredMinutes!: number;

  @Field(() => Int, { description: 'Minutes present (attendanceSum).' })
  attendedMinutes!: number;

  @Field(() => Int, { description: 'Valid (giltig) absence: reported sick or granted leave (validAbsenceSum).' })
  validAbsenceMinutes!: number;

  @Field(() => Int, { description: 'Invalid (ogiltig) absence, lateness included (invalidAbsenceSum).' })
  invalidAbsenceMinutes!: number;

  @Field(() => Int, { description: 'Other school activity instead of the lesson (otherAttendanceSum).' })
  otherMinutes!: number;

  @Field(() => Int, { description: 'Minutes of lessons the teacher has reported (reportedSum).' })
  reportedMinutes!: number;

  @Field(() => Float, {
    nullable: true,
    description: '(validAbsenceMinutes + invalidAbsenceMinutes) / offeredMinutes; null when nothing was offered.',
  })
  absenceRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'invalidAbsenceMinutes / offeredMinutes; null when nothing was offered.' })
  invalidAbsenceRate!: number | null;
}

@ObjectType('AbsenceSummaryRow', { description: 'One row of the summary: exactly one reference is set, the one of the grouping.' })
export class AbsenceSummaryRow extends AbsenceFigures {
  @Field(() => OrganisationStub, { nullable: true, description: 'The school unit of the row, when grouped by SCHOOL_UNIT.' })
  schoolUnit?: OrganisationStub;

  @Field(() => GroupStub, { nullable: true, description: 'The group of the row, when grouped by GROUP.' })
  group?: GroupStub;

  @Field(() => PersonStub, { nullable: true, description: 'The student of the row, when grouped by STUDENT.' })
  student?: PersonStub;

  @Field(() => ActivityStub, { nullable: true, description: 'The activity of the row, when grouped by ACTIVITY.' })
  activity?: ActivityStub;

  @Field(() => SchoolType, { nullable: true })
  schoolType?: string;
}

@ObjectType('AbsenceSuppression', {
  description: "Rows left out because they describe fewer students than the supplier's minimum group size.",
})
export class AbsenceSuppression {
  @Field(() => Int, { description: 'How many rows were left out.' })
  rows!: number;

  @Field(() => Int, { description: 'Sum of the suppressed rows\u2019 student counts (a student in two suppressed rows counts twice).' })
  students!: number;
}

@ObjectType('AbsenceSummaryEdge', { description: 'One row of an absence summary, with its cursor.' })
export class AbsenceSummaryEdge {
  @Field(() => String, { description: 'Opaque position of this row: pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => AbsenceSummaryRow)
  node!: AbsenceSummaryRow;
}

@ObjectType('AbsenceSummaryConnection', {
  description: 'A page of an absence summary: the rows, the period and grouping they answer, and what was withheld.',
})
export class AbsenceSummaryConnection {
  @Field(() => AbsenceGrouping)
  groupBy!: AbsenceGrouping;

  @Field(() => DateResolver)
  startDate!: string;

  @Field(() => DateResolver)
  endDate!: string;

  @Field(() => [AbsenceSummaryEdge])
  edges!: AbsenceSummaryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Shown rows over all pages.' })
  totalCount!: number;

  @Field(() => AbsenceFigures, {
    nullable: true,
    description: 'The whole selection (suppressed rows included); null when it describes fewer students than the minimum group size.',
  })
  total!: AbsenceFigures | null;

  @Field(() => AbsenceSuppression)
  suppressed!: AbsenceSuppression;
}
