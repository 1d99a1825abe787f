import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { DutyStub, PersonStub } from './stubs.type';

/** SS 12000 StudentException: a student who, unlike the activity's groups say, does or does not take part. */
@ObjectType()
export class StudentException {
  @Field(() => PersonStub)
  student!: PersonStub;

  @Field(() => Boolean)
  participates!: boolean;

  @Field(() => DateTimeResolver, { nullable: true })
  startTime?: string;

  @Field(() => DateTimeResolver, { nullable: true })
  endTime?: string;

  @Field(() => Int, { nullable: true, description: 'Minutes of teaching for this student.' })
  teachingLength?: number;
}

/** SS 12000 TeacherException: a teacher (duty) who deviates from the activity's teachers. */
@ObjectType()
export class TeacherException {
  @Field(() => DutyStub)
  duty!: DutyStub;

  @Field(() => Boolean)
  participates!: boolean;

  @Field(() => DateTimeResolver, { nullable: true })
  startTime?: string;

  @Field(() => DateTimeResolver, { nullable: true })
  endTime?: string;

  @Field(() => Int, { nullable: true })
  teachingLength?: number;
}

/** SS 12000 CalendarEvent (a lesson). `activity`, `rooms` and `resources` are resolved in calendar-event.resolver.ts. */
@Directive('@key(fields: "id")')
@ObjectType('CalendarEvent', {
  description:
    "One occurrence of an activity in time (kalenderhändelse), e.g. a lesson, with rooms, teachers and the students' and teachers' exceptions.",
})
export class CalendarEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta, { nullable: true })
  meta?: Meta;

  @Field(() => DateTimeResolver, { nullable: true })
  startTime?: string;

  @Field(() => DateTimeResolver, { nullable: true })
  endTime?: string;

  @Field(() => Boolean, { nullable: true })
  cancelled?: boolean;

  @Field(() => Int, { nullable: true })
  teachingLengthTeacher?: number;

  @Field(() => Int, { nullable: true })
  teachingLengthStudent?: number;

  @Field(() => String, { nullable: true })
  comment?: string;

  @Field(() => [StudentException], { nullable: true })
  studentExceptions?: StudentException[];

  @Field(() => [TeacherException], { nullable: true })
  teacherExceptions?: TeacherException[];
}
