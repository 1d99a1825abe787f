import { DateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { AssignmentRoleType, DutyRole } from '../shared/ss12000-enums';
import { Group } from './group.type';
import { Organisation } from './organisation.type';
import { Person } from './person.type';

/** SS 12000 Duty.assignmentRole[]: a task of the duty towards a group (mentor, …). */
@ObjectType('AssignmentRole', { description: "A duty's assignment to a group in a role, such as mentor (uppdrag)." })
export class AssignmentRole {
  @Field(() => Group, { nullable: true })
  group?: Group;

  @Field(() => AssignmentRoleType)
  assignmentRoleType!: string;

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;
}

/** SS 12000 Duty: a person's employment at an organisation element. References resolved in duty.resolver.ts. */
@Directive('@key(fields: "id")')
@ObjectType('Duty')
export class Duty {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta, { nullable: true })
  meta?: Meta;

  @Field(() => Person, { nullable: true })
  person?: Person;

  @Field(() => [AssignmentRole], { nullable: true })
  assignmentRole?: AssignmentRole[];

  @Field(() => Organisation, { nullable: true })
  dutyAt?: Organisation;

  @Field(() => DutyRole, { nullable: true })
  dutyRole?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => String, { nullable: true })
  signature?: string;

  @Field(() => Int, { nullable: true })
  dutyPercent?: number;

  @Field(() => Int, { nullable: true })
  hoursPerYear?: number;

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;
}
