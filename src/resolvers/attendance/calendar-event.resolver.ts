import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { Attendance } from './attendance.type';
import { CalendarEventStub } from './stubs.type';

@Resolver(() => CalendarEventStub)
export class CalendarEventResolver {
  // The lookup body field is spelled `calendareEvents` in the spec; the source sends it as spelled.
  /** Batched: one POST /attendances/lookup {calendareEvents: [...]} for all events in the request. */
  @FieldResolver(() => [Attendance], { nullable: true, description: 'Attendance registered for this calendar event.' })
  attendances(@Root() event: CalendarEventStub, @Ctx() ctx: SubgraphContext): Promise<W.Attendance[]> {
    return ctx.sources.attendance.loadBy('attendances', 'calendareEvents', event.id);
  }
}
