import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { requireId } from '../shared/ids';
import { OwnedListArgs, ownedListQuery } from './filters.args';
import { CalendarEvent } from './calendar-event.type';
import { roomEvents } from './room-events';
import { Room } from './room.type';
import { TimeWindowArgs, checkWindow, eventsWithin } from './time-window';

export const { Connection: RoomConnection } = ConnectionType(Room, 'Room');

@Resolver(() => Room)
export class RoomResolver {
  @Query(() => RoomConnection, { nullable: true, description: 'GET /rooms' })
  rooms(@Args(() => OwnedListArgs) args: OwnedListArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Room>> {
    return fetchConnection(ctx.sources.schedule, 'rooms', ownedListQuery(args), args);
  }

  @Query(() => Room, { nullable: true, description: 'GET /rooms/{id}; null for an unknown id.' })
  room(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Room | null> {
    return ctx.sources.schedule.load('rooms', requireId(id));
  }

  @FieldResolver(() => [CalendarEvent], {
    nullable: true,
    description: 'Calendar events in this room starting within [start, end], in start order.',
  })
  async calendarEvents(
    @Root() room: W.Room,
    @Args(() => TimeWindowArgs) window: TimeWindowArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<W.CalendarEvent[]> {
    checkWindow(window);
    return eventsWithin(await roomEvents(ctx.sources.schedule, room, window), window);
  }
}
