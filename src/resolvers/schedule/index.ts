import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from '../shared/subgraph';
import { ActivityResolver } from './activity.resolver';
import { CalendarEventResolver } from './calendar-event.resolver';
import { DutyResolver } from './duty.resolver';
import { CalendarEventLocalTimesResolver } from './local-times.resolver';
import { GroupResolver } from './group.resolver';
import { OrganisationResolver } from './organisation.resolver';
import { PersonResolver } from './person.resolver';
import { scheduleReferences } from './references';
import { ResourceResolver } from './resource.resolver';
import { RoomResolver } from './room.resolver';

/** The schedule subgraph: /activities, /calendarEvents, /rooms, /resources and the links into them. */
export async function buildScheduleSubgraph(): Promise<GraphQLSchema> {
  return buildSubgraph({
    name: 'schedule',
    resolvers: [
      ActivityResolver,
      CalendarEventResolver,
      CalendarEventLocalTimesResolver,
      RoomResolver,
      ResourceResolver,
      GroupResolver,
      PersonResolver,
      DutyResolver,
      OrganisationResolver,
    ],
    references: scheduleReferences,
  });
}
