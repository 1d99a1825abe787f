import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { badUserInput } from '../shared/errors';
import { requireId } from '../shared/ids';
import { Activity } from './activity.type';
import { CalendarEvent } from './calendar-event.type';
import { ActivitiesArgs, activitiesQuery } from './filters.args';

export const { Connection: ActivityConnection } = ConnectionType(Activity, 'Activity');

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, { nullable: true, description: 'GET /activities' })
  activities(@Args(() => ActivitiesArgs) args: ActivitiesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Activity>> {
    return fetchConnection(ctx.sources.schedule, 'activities', activitiesQuery(args), args);
  }

  @Query(() => Activity, { nullable: true, description: 'GET /activities/{id}; null for an unknown id.' })
  activity(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Activity | null> {
    return ctx.sources.schedule.load('activities', requireId(id));
  }

  @FieldResolver(() => Activity, { nullable: true })
  parentActivity(@Root() activity: W.Activity, @Ctx() ctx: SubgraphContext): Promise<W.Activity | null> | null {
    const ref = activity.parentActivity;
    return ref ? ctx.sources.schedule.load('activities', ref.id) : null;
  }

  @FieldResolver(() => [CalendarEvent], {
    nullable: true,
    description: "The activity's calendar events, optionally only those starting within [start, end].",
  })
  async calendarEvents(
    @Root() activity: W.Activity,
    @Ctx() ctx: SubgraphContext,
    @Arg('start', () => DateTimeResolver, { nullable: true }) start?: Date,
    @Arg('end', () => DateTimeResolver, { nullable: true }) end?: Date,
  ): Promise<W.CalendarEvent[]> {
    if (start && end && end < start) throw badUserInput('end is before start.', 'end');
    const events = await ctx.sources.schedule.loadBy('calendarEvents', 'activities', activity.id);
    return events
      .filter((event) => within(Date.parse(event.startTime), start, end))
      .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
  }
}

const within = (time: number, start?: Date, end?: Date): boolean =>
  (start === undefined || time >= start.getTime()) && (end === undefined || time <= end.getTime());
