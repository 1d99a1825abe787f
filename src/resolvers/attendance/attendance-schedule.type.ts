import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { AttendanceScheduleStateType, DayOfWeek } from './enums';
import { PersonStub, PlacementStub } from './stubs.type';

@ObjectType({ description: 'Where an attendance schedule stands in its approval, and who registered it.' })
export class AttendanceScheduleState {
  @Field(() => AttendanceScheduleStateType)
  state!: string;

  @Field(() => DateTimeResolver)
  registeredAt!: string;

  @Field(() => String, { nullable: true })
  comment?: string;

  @Field(() => PersonStub, { nullable: true })
  registeredBy?: PersonStub;
}

@ObjectType({ description: 'One weekday slot of an attendance schedule: day of week and start and end time.' })
export class AttendanceScheduleEntry {
  @Field(() => Int, { description: 'Week within the repeating schedule, from 0.' })
  weekOffset!: number;

  @Field(() => DayOfWeek)
  dayOfWeek!: string;

  // The spec types endTime as integer with an HH:MM pattern (a slip); both are HH:MM text.
  @Field(() => String, { description: 'HH:MM' })
  startTime!: string;

  @Field(() => String, { description: 'HH:MM' })
  endTime!: string;
}

/** SS 12000 AttendanceSchedule: a child's planned presence (schedule of a placement), repeating every numberOfWeeks. */
@Directive('@key(fields: "id")')
@ObjectType('AttendanceSchedule', { description: "A child's scheduled care times for a placement (schema för omsorgstid)." })
export class AttendanceSchedule {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta)
  meta!: Meta;

  @Field(() => PlacementStub)
  placement!: PlacementStub;

  @Field(() => Int)
  numberOfWeeks!: number;

  @Field(() => DateResolver)
  startDate!: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;

  @Field(() => Boolean, { nullable: true })
  temporary?: boolean;

  @Field(() => [AttendanceScheduleState])
  state!: AttendanceScheduleState[];

  @Field(() => [AttendanceScheduleEntry], { nullable: true })
  scheduleEntries?: AttendanceScheduleEntry[];
}
