// The typed inputs of the attendance producer's writes. Fields keep the SS 12000 names; a reference
// (`{ id }` on the wire) is the referenced row's id. `idempotencyKey` stands in for the
// Idempotency-Key header where a client cannot set headers (both given: they must agree).
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AbsenceType, AttendanceEventType, AttendanceScheduleStateType, DayOfWeek } from '../enums';

const IDEMPOTENCY = 'Makes a retry return the first result instead of writing again (as the Idempotency-Key header).';

@InputType('CreateAttendanceInput', { description: "POST /attendances: one student's attendance at one lesson." })
export class CreateAttendanceInput {
  @Field(() => ID, { description: 'The lesson (CalendarEvent).' })
  calendarEvent!: string;

  @Field(() => ID)
  student!: string;

  @Field(() => ID, { nullable: true, description: 'The person who reported it.' })
  reporter?: string;

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
  reportedTimestamp?: Date;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType('CreateAttendanceEventInput', { description: 'POST /attendanceEvents: a check-in or check-out.' })
export class CreateAttendanceEventInput {
  @Field(() => AttendanceEventType)
  eventType!: string;

  @Field(() => DateTimeResolver)
  time!: Date;

  @Field(() => ID, { description: 'The child or student.' })
  person!: string;

  @Field(() => ID, { description: 'The group (a preschool or leisure-time centre section).' })
  group!: string;

  @Field(() => ID, { nullable: true, description: 'The person who registered the check-in or check-out.' })
  registeredBy?: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType('AttendanceScheduleStateInput', {
  description: 'One state of an attendance schedule: what it is, when and by whom it was registered.',
})
export class AttendanceScheduleStateInput {
  @Field(() => AttendanceScheduleStateType)
  state!: string;

  @Field(() => DateTimeResolver)
  registeredAt!: Date;

  @Field(() => String, { nullable: true })
  comment?: string;

  @Field(() => ID, { nullable: true })
  registeredBy?: string;
}

@InputType('AttendanceScheduleEntryInput', { description: 'One weekday slot of an attendance schedule.' })
export class AttendanceScheduleEntryInput {
  @Field(() => Int, { description: 'Week within the repeating schedule, from 0.' })
  weekOffset!: number;

  @Field(() => DayOfWeek)
  dayOfWeek!: string;

  @Field(() => String, { description: 'HH:MM' })
  startTime!: string;

  @Field(() => String, { description: 'HH:MM' })
  endTime!: string;
}

@InputType('CreateAttendanceScheduleInput', {
  description: "POST /attendanceSchedule: a child's planned presence (child-care schedule times).",
})
export class CreateAttendanceScheduleInput {
  @Field(() => ID)
  placement!: string;

  @Field(() => Int, { description: 'The schedule repeats every this many weeks.' })
  numberOfWeeks!: number;

  @Field(() => DateResolver)
  startDate!: Date;

  @Field(() => DateResolver, { nullable: true })
  endDate?: Date;

  @Field(() => Boolean, { nullable: true })
  temporary?: boolean;

  @Field(() => [AttendanceScheduleStateInput], {
    description: 'Where the schedule stands in its approval, and who registered it: at least one state.',
  })
  state!: AttendanceScheduleStateInput[];

  @Field(() => [AttendanceScheduleEntryInput], {
    nullable: true,
    description: 'The weekday slots: day of week, start and end time (HH:MM).',
  })
  scheduleEntries?: AttendanceScheduleEntryInput[];

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType('CreateAbsenceInput', { description: 'POST /absences: a reported absence or granted leave.' })
export class CreateAbsenceInput {
  @Field(() => AbsenceType)
  type!: string;

  @Field(() => DateTimeResolver)
  startTime!: Date;

  @Field(() => DateTimeResolver)
  endTime!: Date;

  @Field(() => ID)
  student!: string;

  @Field(() => ID, { nullable: true, description: 'The school unit the absence is reported to.' })
  organisation?: string;

  @Field(() => ID, { nullable: true, description: 'The person who reported it.' })
  registeredBy?: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}

@InputType('DeleteInput', { description: 'DELETE /X/{id}.' })
export class DeleteInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY })
  idempotencyKey?: string;
}
