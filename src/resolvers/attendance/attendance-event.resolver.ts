import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { requireId } from '../shared/ids';
import { AttendanceEvent } from './attendance-event.type';
import { AttendanceEventsArgs, attendanceEventsQuery } from './filters.args';

export const { Connection: AttendanceEventConnection } = ConnectionType(AttendanceEvent, 'AttendanceEvent');

@Resolver(() => AttendanceEvent)
export class AttendanceEventResolver {
  @Query(() => AttendanceEventConnection, { nullable: true, description: 'GET /attendanceEvents' })
  attendanceEvents(
    @Args(() => AttendanceEventsArgs) args: AttendanceEventsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<W.AttendanceEvent>> {
    return fetchConnection(ctx.sources.attendance, 'attendanceEvents', attendanceEventsQuery(args), args);
  }

  @Query(() => AttendanceEvent, { nullable: true, description: 'GET /attendanceEvents/{id}; null for an unknown id.' })
  attendanceEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.AttendanceEvent | null> {
    return ctx.sources.attendance.load('attendanceEvents', requireId(id));
  }
}
