import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import { ConnectionType, fetchConnection, type Connection } from '../shared/connection';
import type { SubgraphContext } from '../shared/context';
import { requireId } from '../shared/ids';
import { OwnedListArgs, ownedListQuery } from './filters.args';
import { Room } from './room.type';

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
}
