import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { Activity } from './activity.type';
import { PersonStub } from './stubs.type';

@Resolver(() => PersonStub)
export class PersonResolver {
  // The lookup's `members` matches persons through the activity groups' groupMemberships, so this is a
  // student's (or any member's) view; a teacher's activities go through their duties (Duty.activities).
  // The answer does not say which member matched, so the source sends one POST /activities/lookup
  // {members: [id]} per distinct person: SS 12000 offers no batched form of this question.
  @FieldResolver(() => [Activity], {
    nullable: true,
    description: "Activities whose groups have this person as a member. A teacher's activities: duties { activities }.",
  })
  activities(@Root() person: PersonStub, @Ctx() ctx: SubgraphContext): Promise<W.Activity[]> {
    return ctx.sources.schedule.loadBy('activities', 'members', person.id);
  }
}
