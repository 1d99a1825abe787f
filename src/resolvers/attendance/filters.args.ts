// List filters of the attendance paths, named after the spec's dotted query names in camelCase.
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID } from 'type-graphql';
import type { QueryValue } from '../../sources';
import { optionalId as id, optionalIds as ids } from '../shared/ids';
import { MetaFilterArgs, metaQuery } from '../shared/meta-filter.args';
import { DateRangeFilterArgs, dateRangeQuery } from '../shared/date-range-filter.args';
import { PageArgs } from '../shared/connection';
import { wireDate, wireDateTime } from '../shared/wire-params';
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
  student: id(args.student, 'student'),
  organisation: id(args.organisation, 'organisation'),
  calendarEvent: id(args.calendarEvent, 'calendarEvent'),
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
  group: ids(args.group, 'group'),
  person: id(args.person, 'person'),
});

@ArgsType()
export class AttendanceSchedulesArgs extends DateRangeFilterArgs {
  @Field(() => ID, { nullable: true })
  placement?: string;

  @Field(() => ID, { nullable: true })
  group?: string;
}

export const attendanceSchedulesQuery = (args: AttendanceSchedulesArgs): Record<string, QueryValue> => ({
  ...dateRangeQuery(args),
  placement: id(args.placement, 'placement'),
  group: id(args.group, 'group'),
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
  organisation: id(args.organisation, 'organisation'),
  student: id(args.student, 'student'),
  registeredBy: id(args.registeredBy, 'registeredBy'),
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
  organisation: id(args.organisation, 'organisation'),
  schoolType: args.schoolType,
  student: ids(args.student, 'student'),
});
