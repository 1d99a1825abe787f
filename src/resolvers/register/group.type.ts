import { DateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { GroupType, SchoolType } from '../shared/ss12000-enums';
import { Organisation } from './organisation.type';
import { Person } from './person.type';

/** SS 12000 GroupMembership: a person in a group, over a period. */
@ObjectType('GroupMembership', { description: "A person's membership of a group, with its dates." })
export class GroupMembership {
  @Field(() => Person, { nullable: true })
  person?: Person;

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;
}

/** SS 12000 Group (class, teaching group, mentor group …). References resolved in group.resolver.ts. */
@Directive('@key(fields: "id")')
@ObjectType('Group', { description: 'A group of persons (grupp): a class, a teaching group, a mentor group, a preschool group …' })
export class Group {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta, { nullable: true })
  meta?: Meta;

  @Field(() => String, { nullable: true })
  displayName?: string;

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;

  @Field(() => GroupType, { nullable: true })
  groupType?: string;

  @Field(() => SchoolType, { nullable: true })
  schoolType?: string;

  @Field(() => Organisation, { nullable: true })
  organisation?: Organisation;

  @Field(() => [GroupMembership], { nullable: true })
  groupMemberships?: GroupMembership[];
}
