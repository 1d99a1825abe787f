import { DateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { ActivityStub, PersonStub } from './stubs.type';

/** SS 12000 AggregatedAttendance: one (activity, student) row over a date window, in minutes. No id, no meta. */
@ObjectType('AggregatedAttendance', {
  description: "A student's attendance in one activity summed over a period (aggregerad närvaro), as the producer reports it.",
})
export class AggregatedAttendance {
  @Field(() => ActivityStub)
  activity!: ActivityStub;

  @Field(() => PersonStub)
  student!: PersonStub;

  @Field(() => DateResolver)
  startDate!: string;

  @Field(() => DateResolver)
  endDate!: string;

  @Field(() => Int)
  attendanceSum!: number;

  @Field(() => Int, { nullable: true })
  validAbsenceSum?: number;

  @Field(() => Int, { nullable: true })
  invalidAbsenceSum?: number;

  @Field(() => Int, { nullable: true })
  otherAttendanceSum?: number;

  @Field(() => Int, { nullable: true })
  reportedSum?: number;

  @Field(() => Int, { nullable: true })
  offeredSum?: number;
}
