import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { badUserInput } from '../shared/errors';
import { AggregatedAttendance } from './aggregated-attendance.type';
import { AggregatedAttendancesArgs, aggregatedAttendancesQuery } from './filters.args';

export const { Connection: AggregatedAttendanceConnection } = ConnectionType(AggregatedAttendance, 'AggregatedAttendance');

@Resolver(() => AggregatedAttendance)
export class AggregatedAttendanceResolver {
  @Query(() => AggregatedAttendanceConnection, {
    nullable: true,
    description: 'GET /aggregatedAttendance: one row per (activity, student) over the window.',
  })
  aggregatedAttendances(
    @Args(() => AggregatedAttendancesArgs) args: AggregatedAttendancesArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<W.AggregatedAttendance>> {
    if (args.endDate < args.startDate) throw badUserInput('endDate is before startDate.', 'endDate');
    return fetchConnection(ctx.sources.attendance, 'aggregatedAttendance', aggregatedAttendancesQuery(args), args);
  }
}
