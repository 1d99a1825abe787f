import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { requireId } from '../shared/ids';
import { AttendanceSchedule } from './attendance-schedule.type';
import { AttendanceSchedulesArgs, attendanceSchedulesQuery } from './filters.args';

export const { Connection: AttendanceScheduleConnection } = ConnectionType(AttendanceSchedule, 'AttendanceSchedule');

@Resolver(() => AttendanceSchedule)
export class AttendanceScheduleResolver {
  @Query(() => AttendanceScheduleConnection, { nullable: true, description: 'GET /attendanceSchedule' })
  attendanceSchedules(
    @Args(() => AttendanceSchedulesArgs) args: AttendanceSchedulesArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<W.AttendanceSchedule>> {
    return fetchConnection(ctx.sources.attendance, 'attendanceSchedule', attendanceSchedulesQuery(args), args);
  }

  @Query(() => AttendanceSchedule, { nullable: true, description: 'GET /attendanceSchedule/{id}; null for an unknown id.' })
  attendanceSchedule(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.AttendanceSchedule | null> {
    return ctx.sources.attendance.load('attendanceSchedule', requireId(id));
  }
}
