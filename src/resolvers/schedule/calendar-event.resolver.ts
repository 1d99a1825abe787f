import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { badUserInput } from '../shared/errors';
import { requireId } from '../shared/ids';
import { Activity } from './activity.type';
import { CalendarEvent } from './calendar-event.type';
import { expectedStudents } from './expected-students';
import { CalendarEventsArgs, calendarEventsQuery } from './filters.args';
import { Resource } from './resource.type';
import { Room } from './room.type';
import { PersonStub } from './stubs.type';

export const { Connection: CalendarEventConnection } = ConnectionType(CalendarEvent, 'CalendarEvent');

const present = <T>(values: (T | null)[]): T[] => values.filter((value): value is T => value !== null);

@Resolver(() => CalendarEvent)
export class CalendarEventResolver {
  @Query(() => CalendarEventConnection, { nullable: true, description: 'GET /calendarEvents' })
  calendarEvents(
    @Args(() => CalendarEventsArgs) args: CalendarEventsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<W.CalendarEvent>> {
    if (args.startTimeOnOrBefore < args.startTimeOnOrAfter) {
      throw badUserInput('startTimeOnOrBefore is before startTimeOnOrAfter.', 'startTimeOnOrBefore');
    }
    return fetchConnection(ctx.sources.schedule, 'calendarEvents', calendarEventsQuery(args), args);
  }

  @Query(() => CalendarEvent, { nullable: true, description: 'GET /calendarEvents/{id}; null for an unknown id.' })
  calendarEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.CalendarEvent | null> {
    return ctx.sources.schedule.load('calendarEvents', requireId(id));
  }

  // A calendar event without its activity is a producer inconsistency: null, not an error for the whole event.
  @FieldResolver(() => Activity, { nullable: true })
  activity(@Root() event: W.CalendarEvent, @Ctx() ctx: SubgraphContext): Promise<W.Activity | null> {
    return ctx.sources.schedule.load('activities', event.activity.id);
  }

  @FieldResolver(() => [Room], { nullable: true })
  async rooms(@Root() event: W.CalendarEvent, @Ctx() ctx: SubgraphContext): Promise<W.Room[]> {
    const ids = (event.rooms ?? []).map((room) => room.id);
    return present(await ctx.sources.schedule.loadMany('rooms', ids));
  }

  @FieldResolver(() => [Resource], { nullable: true })
  async resources(@Root() event: W.CalendarEvent, @Ctx() ctx: SubgraphContext): Promise<W.Resource[]> {
    const ids = (event.resources ?? []).map((resource) => resource.id);
    return present(await ctx.sources.schedule.loadMany('resources', ids));
  }

  @FieldResolver(() => [PersonStub], {
    nullable: true,
    description:
      "Students expected at this event: members of its activity's groups on the event's date, less studentExceptions that do not participate, plus those that do. None when the event is cancelled.",
  })
  expectedStudents(@Root() event: W.CalendarEvent, @Ctx() ctx: SubgraphContext): Promise<{ id: string }[]> {
    return expectedStudents(ctx, event);
  }
}
