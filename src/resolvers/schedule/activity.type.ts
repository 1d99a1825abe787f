import { DateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { ActivityType } from './enums';
import { DutyStub, GroupStub, OrganisationStub, SyllabusStub } from './stubs.type';

/** SS 12000 DutyAssignment: a teacher (duty) on an activity. */
@ObjectType({ description: "A teacher's assignment to an activity, with its share of the teaching." })
export class DutyAssignment {
  @Field(() => DutyStub)
  duty!: DutyStub;

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;

  @Field(() => Int, { nullable: true, description: 'Planned minutes for this teacher.' })
  minutesPlanned?: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether this teacher sets grades.' })
  grader?: boolean;
}

/**
 * SS 12000 Activity. References arrive as `{ id }` and are returned as they are: the stub types
 * have only `id`, and the gateway fetches the rest. `parentActivity` and `calendarEvents` are
 * resolved in activity.resolver.ts because Activity and CalendarEvent are schedule's own.
 */
@Directive('@key(fields: "id")')
@ObjectType('Activity', {
  description: 'An activity (aktivitet): teaching or other scheduled work a group does in a syllabus, with its teachers.',
})
export class Activity {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta, { nullable: true })
  meta?: Meta;

  @Field(() => String, { nullable: true })
  displayName?: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether calendar events are generated from this activity.' })
  calendarEventsRequired?: boolean;

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;

  @Field(() => ActivityType, { nullable: true })
  activityType?: string;

  @Field(() => String, { nullable: true })
  comment?: string;

  @Field(() => Int, { nullable: true })
  minutesPlanned?: number;

  @Field(() => [GroupStub], { nullable: true })
  groups?: GroupStub[];

  @Field(() => [DutyAssignment], { nullable: true })
  teachers?: DutyAssignment[];

  @Field(() => SyllabusStub, { nullable: true })
  syllabus?: SyllabusStub;

  @Field(() => OrganisationStub, { nullable: true })
  organisation?: OrganisationStub;
}
