// What a write answers: the row as the producer stored it, resolved through the graph like a read
// of it (the supplier's presets decide which of its fields are served).
import { Field, ID, ObjectType } from 'type-graphql';
import { Absence } from '../absence.type';
import { AttendanceEvent } from '../attendance-event.type';
import { AttendanceSchedule } from '../attendance-schedule.type';
import { Attendance } from '../attendance.type';

@ObjectType('CreateAttendancePayload', { description: 'The attendance as the producer stored it, read through the graph.' })
export class CreateAttendancePayload {
  @Field(() => Attendance, { nullable: true })
  attendance!: unknown;
}

@ObjectType('CreateAttendanceEventPayload', { description: 'The attendance event as the producer stored it, read through the graph.' })
export class CreateAttendanceEventPayload {
  @Field(() => AttendanceEvent, { nullable: true })
  attendanceEvent!: unknown;
}

@ObjectType('CreateAttendanceSchedulePayload', {
  description: 'The attendance schedule as the producer stored it, read through the graph.',
})
export class CreateAttendanceSchedulePayload {
  @Field(() => AttendanceSchedule, { nullable: true })
  attendanceSchedule!: unknown;
}

@ObjectType('CreateAbsencePayload', { description: 'The absence as the producer stored it, read through the graph.' })
export class CreateAbsencePayload {
  @Field(() => Absence, { nullable: true })
  absence!: unknown;
}

@ObjectType('DeletePayload', { description: 'The id of the row the producer removed.' })
export class DeletePayload {
  @Field(() => ID)
  id!: string;
}
