// A lesson's start and end as people read them (shared/local-time.ts).
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { localTime, localTimeDescription, TIME_ZONE_ARGUMENT } from '../shared/local-time';
import { CalendarEvent } from './calendar-event.type';

@Resolver(() => CalendarEvent)
export class CalendarEventLocalTimesResolver {
  @FieldResolver(() => String, { nullable: true, description: localTimeDescription('startTime') })
  localStartTime(
    @Root() event: W.CalendarEvent,
    @Arg('timeZone', () => String, TIME_ZONE_ARGUMENT) timeZone: string | null,
    @Ctx() ctx: SubgraphContext,
  ): string | null {
    return localTime(event.startTime, timeZone, ctx.sources.schedule);
  }

  @FieldResolver(() => String, { nullable: true, description: localTimeDescription('endTime') })
  localEndTime(
    @Root() event: W.CalendarEvent,
    @Arg('timeZone', () => String, TIME_ZONE_ARGUMENT) timeZone: string | null,
    @Ctx() ctx: SubgraphContext,
  ): string | null {
    return localTime(event.endTime, timeZone, ctx.sources.schedule);
  }
}
