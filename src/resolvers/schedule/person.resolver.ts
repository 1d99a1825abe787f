import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { Activity } from './activity.type';
import { CalendarEvent } from './calendar-event.type';
import { PersonStub } from './stubs.type';
import { TimeWindowArgs, checkWindow, eventsWithin } from './time-window';

@Resolver(() => PersonStub)
export class PersonResolver {
  // The lookup's `members` matches persons through the activity groups' groupMemberships, so this is a
  // student's (or any member's) view; a teacher's activities go through their duties (Duty.activities).
  // Batched: one POST /activities/lookup?expand=groups {members: [...]} per page of persons; the source
  // gives each person the activities whose embedded groups list them as a member.
  @FieldResolver(() => [Activity], {
    nullable: true,
    description: "Activities whose groups have this person as a member. A teacher's activities: duties { activities }.",
  })
  activities(@Root() person: PersonStub, @Ctx() ctx: SubgraphContext): Promise<W.Activity[]> {
    return ctx.sources.schedule.loadBy('activities', 'members', person.id);
  }

  // POST /calendarEvents/lookup {student: [id]} (the producer matches through the activities' groups and
  // the events' student exceptions); the spec lifts time limits for `student`, so the window is applied here.
  @FieldResolver(() => [CalendarEvent], {
    nullable: true,
    description:
      "The student's calendar events starting within [start, end], in start order. A teacher's: duties { activities { calendarEvents } }.",
  })
  async calendarEvents(
    @Root() person: PersonStub,
    @Args(() => TimeWindowArgs) window: TimeWindowArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<W.CalendarEvent[]> {
    checkWindow(window);
    return eventsWithin(await ctx.sources.schedule.loadBy('calendarEvents', 'student', person.id), window);
  }
}
