import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { fetchConnection, type Connection } from '../shared/connection';
import { requireId } from '../shared/ids';
import { PersonConnection } from './connections';
import { Duty } from './duty.type';
import { PersonsArgs, personsQuery } from './filters.args';
import { PersonGroupMembership } from './person-group-membership.type';
import { Person, Responsible } from './person.type';
import { Placement } from './placement.type';

type Embedded = NonNullable<W.PersonExpanded['_embedded']>;

// The reverse links come from the producer's own `expand`: one batched lookup per link and level.
const expanded = async <K extends keyof Embedded>(ctx: SubgraphContext, person: W.Person, key: K): Promise<NonNullable<Embedded[K]>> => {
  const loaded = (await ctx.sources.register.load('persons', person.id, { expand: [key] })) as W.PersonExpanded | null;
  return (loaded?._embedded?.[key] ?? []) as NonNullable<Embedded[K]>;
};

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { nullable: true, description: 'GET /persons' })
  persons(@Args(() => PersonsArgs) args: PersonsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Person>> {
    return fetchConnection(ctx.sources.register, 'persons', personsQuery(args), args);
  }

  @Query(() => Person, { nullable: true, description: 'GET /persons/{id}; null for an unknown id.' })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Person | null> {
    return ctx.sources.register.load('persons', requireId(id));
  }

  @FieldResolver(() => [PersonGroupMembership], { nullable: true, description: 'Groups this person is a member of.' })
  groupMemberships(@Root() person: W.Person, @Ctx() ctx: SubgraphContext): Promise<Embedded['groupMemberships'] & object> {
    return expanded(ctx, person, 'groupMemberships');
  }

  @FieldResolver(() => [Duty], { nullable: true, description: "This person's duties (employments)." })
  duties(@Root() person: W.Person, @Ctx() ctx: SubgraphContext): Promise<W.Duty[]> {
    return expanded(ctx, person, 'duties');
  }

  @FieldResolver(() => [Responsible], {
    nullable: true,
    description: 'Persons this person is responsible for (e.g. a guardian’s children).',
  })
  responsibleFor(@Root() person: W.Person, @Ctx() ctx: SubgraphContext): Promise<NonNullable<Embedded['responsibleFor']>> {
    return expanded(ctx, person, 'responsibleFor');
  }

  // GET /placements?child=: one walk per distinct child in the request.
  @FieldResolver(() => [Placement], { nullable: true, description: "This child's placements (förskola, fritidshem)." })
  placements(@Root() person: W.Person, @Ctx() ctx: SubgraphContext): Promise<W.Placement[]> {
    return ctx.sources.register.loadBy('placements', 'child', person.id);
  }
}
