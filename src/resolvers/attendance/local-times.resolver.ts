// Check-in/out times and absence periods as people read them (shared/local-time.ts).
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { localTime, localTimeDescription, TIME_ZONE_ARGUMENT } from '../shared/local-time';
import { Absence } from './absence.type';
import { AttendanceEvent } from './attendance-event.type';

@Resolver(() => AttendanceEvent)
export class AttendanceEventLocalTimesResolver {
  @FieldResolver(() => String, { nullable: true, description: localTimeDescription('time') })
  localTime(
    @Root() event: W.AttendanceEvent,
    @Arg('timeZone', () => String, TIME_ZONE_ARGUMENT) timeZone: string | null,
    @Ctx() ctx: SubgraphContext,
  ): string | null {
    return localTime(event.time, timeZone, ctx.sources.attendance);
  }
}

@Resolver(() => Absence)
export class AbsenceLocalTimesResolver {
  @FieldResolver(() => String, { nullable: true, description: localTimeDescription('startTime') })
  localStartTime(
    @Root() absence: W.Absence,
    @Arg('timeZone', () => String, TIME_ZONE_ARGUMENT) timeZone: string | null,
    @Ctx() ctx: SubgraphContext,
  ): string | null {
    return localTime(absence.startTime, timeZone, ctx.sources.attendance);
  }

  @FieldResolver(() => String, { nullable: true, description: localTimeDescription('endTime') })
  localEndTime(
    @Root() absence: W.Absence,
    @Arg('timeZone', () => String, TIME_ZONE_ARGUMENT) timeZone: string | null,
    @Ctx() ctx: SubgraphContext,
  ): string | null {
    return localTime(absence.endTime, timeZone, ctx.sources.attendance);
  }
}
