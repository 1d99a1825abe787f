// List filters of the attendance paths, named after the spec's dotted query names in camelCase.
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID } from 'type-graphql';
import type { QueryValue } from '../../sources';
import { MetaFilterArgs, metaQuery } from '../schedule/meta-filter.args';
import { wireDate, wireDateTime } from '../schedule/wire-params';
import { PageArgs } from '../shared/connection';
import { SchoolType } from '../shared/ss12000-enums';
import { AbsenceSortkey, AbsenceType } from './enums';

@ArgsType()
export class AttendancesArgs extends MetaFilterArgs {
  @Field(() => ID, { nullable: true })
  student?: string;

  @Field(() => ID, { nullable: true, description: 'This organisation element and those below it.' })
  organisation?: string;

  @Field(() => ID, { nullable: true })
  calendarEvent?: string;
}

export const attendancesQuery = (args: AttendancesArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  student: args.student,
  organisation: args.organisation,
  calendarEvent: args.calendarEvent,
});

@ArgsType()
export class AttendanceEventsArgs extends MetaFilterArgs {
  @Field(() => [ID], { nullable: true })
  group?: string[];

  @Field(() => ID, { nullable: true })
  person?: string;
}

export const attendanceEventsQuery = (args: AttendanceEventsArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  group: args.group,
  person: args.person,
});

@ArgsType()
export class AttendanceSchedulesArgs extends MetaFilterArgs {
  @Field(() => ID, { nullable: true })
  placement?: string;

  @Field(() => ID, { nullable: true })
  group?: string;

  @Field(() => DateResolver, { nullable: true })
  startDateOnOrBefore?: Date;

  @Field(() => DateResolver, { nullable: true })
  startDateOnOrAfter?: Date;

  @Field(() => DateResolver, { nullable: true })
  endDateOnOrBefore?: Date;

  @Field(() => DateResolver, { nullable: true })
  endDateOnOrAfter?: Date;
}

export const attendanceSchedulesQuery = (args: AttendanceSchedulesArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  placement: args.placement,
  group: args.group,
  'startDate.onOrBefore': wireDate(args.startDateOnOrBefore),
  'startDate.onOrAfter': wireDate(args.startDateOnOrAfter),
  'endDate.onOrBefore': wireDate(args.endDateOnOrBefore),
  'endDate.onOrAfter': wireDate(args.endDateOnOrAfter),
});

@ArgsType()
export class AbsencesArgs extends MetaFilterArgs {
  @Field(() => ID, { nullable: true })
  organisation?: string;

  @Field(() => ID, { nullable: true })
  student?: string;

  @Field(() => ID, { nullable: true })
  registeredBy?: string;

  @Field(() => AbsenceType, { nullable: true })
  type?: string;

  @Field(() => DateTimeResolver, { nullable: true })
  startTimeOnOrBefore?: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  startTimeOnOrAfter?: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  endTimeOnOrBefore?: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  endTimeOnOrAfter?: Date;

  @Field(() => AbsenceSortkey, { nullable: true })
  sortkey?: string;
}

export const absencesQuery = (args: AbsencesArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  organisation: args.organisation,
  student: args.student,
  registeredBy: args.registeredBy,
  type: args.type,
  'startTime.onOrBefore': wireDateTime(args.startTimeOnOrBefore),
  'startTime.onOrAfter': wireDateTime(args.startTimeOnOrAfter),
  'endTime.onOrBefore': wireDateTime(args.endTimeOnOrBefore),
  'endTime.onOrAfter': wireDateTime(args.endTimeOnOrAfter),
  sortkey: args.sortkey,
});

/** /aggregatedAttendance takes no meta filters: its rows have no meta. */
@ArgsType()
export class AggregatedAttendancesArgs extends PageArgs {
  @Field(() => DateResolver, { description: 'First day of the window (inclusive).' })
  startDate!: Date;

  @Field(() => DateResolver, { description: 'Last day of the window (inclusive).' })
  endDate!: Date;

  @Field(() => ID, { nullable: true })
  organisation?: string;

  @Field(() => [SchoolType], { nullable: true })
  schoolType?: string[];

  @Field(() => [ID], { nullable: true })
  student?: string[];
}

export const aggregatedAttendancesQuery = (args: AggregatedAttendancesArgs): Record<string, QueryValue> => ({
  startDate: wireDate(args.startDate),
  endDate: wireDate(args.endDate),
  organisation: args.organisation,
  schoolType: args.schoolType,
  student: args.student,
});
