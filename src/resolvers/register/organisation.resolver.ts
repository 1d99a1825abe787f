import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { fetchConnection, PageArgs, type Connection } from '../shared/connection';
import { requireId } from '../shared/ids';
import { GroupType, SchoolType } from '../shared/ss12000-enums';
import { DutyConnection, OrganisationConnection, PersonConnection, PlacementConnection, SchoolUnitOfferingConnection } from './connections';
import { OrganisationsArgs, organisationsQuery } from './filters.args';
import { Group } from './group.type';
import { loadGroupedList } from './grouped-list';
import { Organisation } from './organisation.type';
import { loadRef } from './refs';

@ArgsType()
export class OrganisationGroupsArgs {
  @Field(() => [GroupType], { nullable: true, description: 'Only groups of these types (e.g. [KLASS]).' })
  groupType?: string[];

  @Field(() => [SchoolType], { nullable: true })
  schoolTypes?: string[];
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => OrganisationConnection, { nullable: true, description: 'GET /organisations' })
  organisations(@Args(() => OrganisationsArgs) args: OrganisationsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<W.Organisation>> {
    return fetchConnection(ctx.sources.register, 'organisations', organisationsQuery(args), args);
  }

  @Query(() => Organisation, { nullable: true, description: 'GET /organisations/{id}; null for an unknown id.' })
  organisation(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<W.Organisation | null> {
    return ctx.sources.register.load('organisations', requireId(id));
  }

  @FieldResolver(() => Organisation, { nullable: true })
  parentOrganisation(@Root() organisation: W.Organisation, @Ctx() ctx: SubgraphContext): Promise<W.Organisation | null> | null {
    return loadRef(ctx, 'organisations', organisation.parentOrganisation);
  }

  @FieldResolver(() => [Organisation], { nullable: true, description: 'Organisation elements whose parentOrganisation is this one.' })
  children(@Root() organisation: W.Organisation, @Ctx() ctx: SubgraphContext): Promise<W.Organisation[]> {
    return loadGroupedList(
      { source: ctx.sources.register, name: 'organisations', param: 'parent', parentsOf: (row) => [row.parentOrganisation?.id] },
      organisation.id,
    );
  }

  @FieldResolver(() => [Group], { nullable: true, description: 'Groups whose organisation is this element (not its sub-units).' })
  groups(
    @Root() organisation: W.Organisation,
    @Args(() => OrganisationGroupsArgs) args: OrganisationGroupsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<W.Group[]> {
    return loadGroupedList(
      {
        source: ctx.sources.register,
        name: 'groups',
        param: 'organisation',
        parentsOf: (row) => [row.organisation.id],
        filters: { groupType: args.groupType, schoolTypes: args.schoolTypes },
      },
      organisation.id,
    );
  }

  // The paged reverse links: a school's persons, duties and placements run to thousands, so each is a
  // connection over the list filtered by this element, as the root list would be (row scope included).
  @FieldResolver(() => PersonConnection, {
    nullable: true,
    description:
      'Persons with a relation (enrolment, duty, placement, responsibility, membership) to this element (GET /persons?relationship.organisation=).',
  })
  persons(
    @Root() organisation: W.Organisation,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<W.Person>> {
    return fetchConnection(ctx.sources.register, 'persons', { 'relationship.organisation': organisation.id }, args);
  }

  @FieldResolver(() => DutyConnection, {
    nullable: true,
    description: 'Duties at this element and its sub-units (GET /duties?organisation=).',
  })
  duties(
    @Root() organisation: W.Organisation,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<W.Duty>> {
    return fetchConnection(ctx.sources.register, 'duties', { organisation: organisation.id }, args);
  }

  @FieldResolver(() => PlacementConnection, { nullable: true, description: 'Placements at this element (GET /placements?organisation=).' })
  placements(
    @Root() organisation: W.Organisation,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<W.Placement>> {
    return fetchConnection(ctx.sources.register, 'placements', { organisation: organisation.id }, args);
  }

  @FieldResolver(() => SchoolUnitOfferingConnection, {
    nullable: true,
    description: 'What this school unit offers (GET /schoolUnitOfferings?organisation=).',
  })
  schoolUnitOfferings(
    @Root() organisation: W.Organisation,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<W.SchoolUnitOffering>> {
    return fetchConnection(ctx.sources.register, 'schoolUnitOfferings', { organisation: organisation.id }, args);
  }
}
