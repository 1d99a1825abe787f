import { DateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Group } from './group.type';

/** A group the person belongs to (SS 12000 persons `expand=groupMemberships`); `group` resolved in embedded.resolver.ts. */
@ObjectType('PersonGroupMembership', { description: "One of a person's group memberships, with the group and dates." })
export class PersonGroupMembership {
  @Field(() => Group, { nullable: true })
  group?: Group;

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;
}
