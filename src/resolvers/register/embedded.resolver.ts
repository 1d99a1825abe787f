// References inside embedded SS 12000 structures, each resolved through the request's loaders.
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type * as W from '../../ss12000/wire';
import type { SubgraphContext } from '../shared/context';
import { AssignmentRole } from './duty.type';
import { Group, GroupMembership } from './group.type';
import { Organisation } from './organisation.type';
import { PersonGroupMembership } from './person-group-membership.type';
import { Enrolment, Person, Responsible } from './person.type';
import { Programme, ProgrammeContent } from './programme.type';
import { Syllabus } from './syllabus.type';
import { loadRef, loadRefs } from './refs';

type Row<T> = NonNullable<T> extends readonly (infer E)[] ? E : never;
type WireResponsible = Row<W.Person['responsibles']>;
type WireAssignmentRole = Row<W.Duty['assignmentRole']>;
type WireContent = Row<W.Programme['content']>;
type WireMembership = Row<W.Group['groupMemberships']>;
type WirePersonMembership = Row<NonNullable<W.PersonExpanded['_embedded']>['groupMemberships']>;

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  enroledAt(@Root() enrolment: Row<W.Person['enrolments']>, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'organisations', enrolment.enroledAt);
  }

  @FieldResolver(() => Programme, { nullable: true })
  programme(@Root() enrolment: Row<W.Person['enrolments']>, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'programmes', enrolment.programme);
  }
}

@Resolver(() => Responsible)
export class ResponsibleResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() responsible: WireResponsible, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'persons', responsible.person);
  }
}

@Resolver(() => GroupMembership)
export class GroupMembershipResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() membership: WireMembership, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'persons', membership.person);
  }
}

@Resolver(() => PersonGroupMembership)
export class PersonGroupMembershipResolver {
  // The embedded group is a GroupFragment (no memberships): load the full group.
  @FieldResolver(() => Group, { nullable: true })
  group(@Root() membership: WirePersonMembership, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'groups', membership.group);
  }
}

@Resolver(() => AssignmentRole)
export class AssignmentRoleResolver {
  @FieldResolver(() => Group, { nullable: true })
  group(@Root() role: WireAssignmentRole, @Ctx() ctx: SubgraphContext) {
    return loadRef(ctx, 'groups', role.group);
  }
}

@Resolver(() => ProgrammeContent)
export class ProgrammeContentResolver {
  @FieldResolver(() => [Syllabus], { nullable: true })
  content(@Root() block: WireContent, @Ctx() ctx: SubgraphContext) {
    return loadRefs(ctx, 'syllabuses', block.content);
  }
}
