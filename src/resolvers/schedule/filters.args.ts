// List filters of the schedule paths, named after the spec's dotted query names in camelCase.
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID } from 'type-graphql';
import type { QueryValue } from '../../sources';
import { optionalId as id } from '../shared/ids';
import { MetaFilterArgs, metaQuery } from '../shared/meta-filter.args';
import { wireDate, wireDateTime } from '../shared/wire-params';
import { ActivitySortkey, CalendarEventSortkey, RoomSortkey } from './enums';

@ArgsType()
export class ActivitiesArgs extends MetaFilterArgs {
  @Field(() => ID, { nullable: true, description: 'Activities whose groups have this person as a member.' })
  member?: string;

  @Field(() => ID, { nullable: true, description: 'Activities whose teachers include this duty.' })
  teacher?: string;

  @Field(() => ID, { nullable: true, description: 'This organisation element and those below it.' })
  organisation?: string;

  @Field(() => ID, { nullable: true })
  group?: string;

  @Field(() => DateResolver, { nullable: true })
  startDateOnOrBefore?: Date;

  @Field(() => DateResolver, { nullable: true })
  startDateOnOrAfter?: Date;

  @Field(() => DateResolver, { nullable: true, description: 'Activities without endDate are always included.' })
  endDateOnOrBefore?: Date;

  @Field(() => DateResolver, { nullable: true, description: 'Activities without endDate are always included.' })
  endDateOnOrAfter?: Date;

  @Field(() => ActivitySortkey, { nullable: true })
  sortkey?: string;
}

export const activitiesQuery = (args: ActivitiesArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  member: id(args.member, 'member'),
  teacher: id(args.teacher, 'teacher'),
  organisation: id(args.organisation, 'organisation'),
  group: id(args.group, 'group'),
  'startDate.onOrBefore': wireDate(args.startDateOnOrBefore),
  'startDate.onOrAfter': wireDate(args.startDateOnOrAfter),
  'endDate.onOrBefore': wireDate(args.endDateOnOrBefore),
  'endDate.onOrAfter': wireDate(args.endDateOnOrAfter),
  sortkey: args.sortkey,
});

@ArgsType()
export class CalendarEventsArgs extends MetaFilterArgs {
  // The spec makes both bounds required: a producer refuses an open-ended calendar.
  @Field(() => DateTimeResolver)
  startTimeOnOrAfter!: Date;

  @Field(() => DateTimeResolver)
  startTimeOnOrBefore!: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  endTimeOnOrBefore?: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  endTimeOnOrAfter?: Date;

  @Field(() => ID, { nullable: true })
  activity?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Events of activities whose groups include this person, or that list them in studentExceptions.',
  })
  student?: string;

  @Field(() => ID, { nullable: true, description: 'Events whose activity teachers or teacherExceptions include this duty.' })
  teacher?: string;

  @Field(() => ID, { nullable: true })
  organisation?: string;

  @Field(() => ID, { nullable: true })
  group?: string;

  @Field(() => CalendarEventSortkey, { nullable: true })
  sortkey?: string;
}

export const calendarEventsQuery = (args: CalendarEventsArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  'startTime.onOrAfter': wireDateTime(args.startTimeOnOrAfter),
  'startTime.onOrBefore': wireDateTime(args.startTimeOnOrBefore),
  'endTime.onOrBefore': wireDateTime(args.endTimeOnOrBefore),
  'endTime.onOrAfter': wireDateTime(args.endTimeOnOrAfter),
  activity: id(args.activity, 'activity'),
  student: id(args.student, 'student'),
  teacher: id(args.teacher, 'teacher'),
  organisation: id(args.organisation, 'organisation'),
  group: id(args.group, 'group'),
  sortkey: args.sortkey,
});

/** Filters of /rooms and /resources. */
@ArgsType()
export class OwnedListArgs extends MetaFilterArgs {
  @Field(() => ID, { nullable: true })
  organisation?: string;

  @Field(() => RoomSortkey, { nullable: true })
  sortkey?: string;
}

export const ownedListQuery = (args: OwnedListArgs): Record<string, QueryValue> => ({
  ...metaQuery(args),
  organisation: id(args.organisation, 'organisation'),
  sortkey: args.sortkey,
});
