import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { CalendarEventStub, PersonStub } from './stubs.type';

/** SS 12000 Attendance: one student's attendance at one calendar event, in minutes. */
@Directive('@key(fields: "id")')
@ObjectType('Attendance', { description: "A student's attendance at one calendar event (lesson), as reported (närvaro)." })
export class Attendance {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta)
  meta!: Meta;

  @Field(() => CalendarEventStub)
  calendarEvent!: CalendarEventStub;

  @Field(() => PersonStub)
  student!: PersonStub;

  @Field(() => PersonStub, { nullable: true })
  reporter?: PersonStub;

  @Field(() => Boolean)
  isReported!: boolean;

  @Field(() => Int, { nullable: true })
  attendanceMinutes?: number;

  @Field(() => Int, { nullable: true })
  validAbsenceMinutes?: number;

  @Field(() => Int, { nullable: true })
  invalidAbsenceMinutes?: number;

  @Field(() => Int, { nullable: true })
  otherAttendanceMinutes?: number;

  @Field(() => String, { nullable: true })
  absenceReason?: string;

  @Field(() => DateTimeResolver, { nullable: true })
  reportedTimestamp?: string;
}
