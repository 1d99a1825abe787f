import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { fetchConnection, type Connection } from '../shared/connection';
import { requireId } from '../shared/ids';
import { AssignmentRoleType } from '../shared/ss12000-enums';
import { GroupConnection } from './connections';
import { Duty } from './duty.type';
import { GroupsArgs, groupsQuery } from './filters.args';
import { Group } from './group.type';
import { Organisation } from './organisation.type';
import { Person } from './person.type';
import { loadRef, loadRefs } from './refs';

@ArgsType()
export class GroupDutiesArgs {
  @Field(() => [AssignmentRoleType], {
    nullable: true,
    description: 'Only duties with one of these roles towards the group (e.g. [MENTOR]).',
  })
  assignmentRoleType?: string[];
}

/** The duties whose assignmentRole names `group` (with one of `roles`, when given). */
const assignedDuties = async (ctx: SubgraphContext, group: W.Group, roles?: readonly string[]): Promise<W.Duty[]> => {
  const duties = await ctx.sources.register.loadBy('duties', 'organisation', group.organisation.id);
  return duties.filter((duty) =>
    (duty.assignmentRole ?? []).some((role) => role.group.id === group.id && (!roles || roles.includes(role.assignmentRoleType))),
  );
};

@Resolver(() => Group)
export class GroupResolver {
  @Query(() => GroupConnection, { nullable: true, description: 'GET /groups' })
  groups(@Args(() => GroupsArgs) args: GroupsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Group>> {
    return fetchConnection(ctx.sources.register, 'groups', groupsQuery(args), args);
  }

  @Query(() => Group, { nullable: true, description: 'GET /groups/{id}; null for an unknown id.' })
  group(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Group | null> {
    return ctx.sources.register.load('groups', requireId(id));
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() group: W.Group, @Ctx() ctx: SubgraphContext): Promise<W.Organisation | null> | null {
    return loadRef(ctx, 'organisations', group.organisation);
  }

  // /duties has no group filter: one walk of GET /duties?organisation= per distinct organisation in the
  // request, split here by the duties' assignmentRole (the spec's Group carries no assignmentRoles).
  @FieldResolver(() => [Duty], {
    nullable: true,
    description: 'Duties assigned to this group (Duty.assignmentRole), optionally only some roles.',
  })
  duties(@Root() group: W.Group, @Args(() => GroupDutiesArgs) args: GroupDutiesArgs, @Ctx() ctx: SubgraphContext): Promise<W.Duty[]> {
    return assignedDuties(ctx, group, args.assignmentRoleType ?? undefined);
  }

  @FieldResolver(() => [Person], { nullable: true, description: "The group's mentors: persons of duties assigned to it as Mentor." })
  async mentors(@Root() group: W.Group, @Ctx() ctx: SubgraphContext): Promise<W.Person[]> {
    const duties = await assignedDuties(ctx, group, ['Mentor']);
    const ids = new Set(duties.flatMap((duty) => (duty.person ? [duty.person.id] : [])));
    return loadRefs(
      ctx,
      'persons',
      [...ids].map((id) => ({ id })),
    );
  }
}
