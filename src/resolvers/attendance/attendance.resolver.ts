import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { requireId } from '../shared/ids';
import { Attendance } from './attendance.type';
import { AttendancesArgs, attendancesQuery } from './filters.args';

export const { Connection: AttendanceConnection } = ConnectionType(Attendance, 'Attendance');

@Resolver(() => Attendance)
export class AttendanceResolver {
  @Query(() => AttendanceConnection, { nullable: true, description: 'GET /attendances' })
  attendances(@Args(() => AttendancesArgs) args: AttendancesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Attendance>> {
    return fetchConnection(ctx.sources.attendance, 'attendances', attendancesQuery(args), args);
  }

  @Query(() => Attendance, { nullable: true, description: 'GET /attendances/{id}; null for an unknown id.' })
  attendance(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Attendance | null> {
    return ctx.sources.attendance.load('attendances', requireId(id));
  }
}
