import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { AttendanceSchedule } from './attendance-schedule.type';
import { PlacementStub } from './stubs.type';

@Resolver(() => PlacementStub)
export class PlacementResolver {
  /** Batched: one POST /attendanceSchedule/lookup {placement: [...]} for all placements in the request. */
  @FieldResolver(() => [AttendanceSchedule], {
    nullable: true,
    description: 'The attendance schedules (vistelseschema) of this placement.',
  })
  attendanceSchedules(@Root() placement: PlacementStub, @Ctx() ctx: SubgraphContext): Promise<W.AttendanceSchedule[]> {
    return ctx.sources.attendance.loadBy('attendanceSchedule', 'placement', placement.id);
  }
}
