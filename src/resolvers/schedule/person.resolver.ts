import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { Activity } from './activity.type';
import { PersonStub } from './stubs.type';

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
}
