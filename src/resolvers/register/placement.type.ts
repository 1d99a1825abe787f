import { DateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { SchoolType } from '../shared/ss12000-enums';
import { PlacementReason } from './enums';
import { Group } from './group.type';
import { Organisation } from './organisation.type';
import { Person } from './person.type';

/** SS 12000 Placement: a child's place in förskola or fritidshem. References resolved in placement.resolver.ts. */
@Directive('@key(fields: "id")')
@ObjectType('Placement', {
  description: "A child's placement (placering) in preschool or after-school care: where, in which group, why and when.",
})
export class Placement {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta, { nullable: true })
  meta?: Meta;

  @Field(() => Organisation, { nullable: true })
  placedAt?: Organisation;

  @Field(() => Group, { nullable: true })
  group?: Group;

  @Field(() => Person, { nullable: true })
  child?: Person;

  @Field(() => [Person], { nullable: true, description: 'Persons who own the placement (unknown references left out).' })
  owners?: Person[];

  @Field(() => SchoolType, { nullable: true, description: 'FS, FTH or OPPFTH.' })
  schoolType?: string;

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;

  @Field(() => PlacementReason, { nullable: true })
  reason?: string;

  @Field(() => Int, { nullable: true })
  maxWeeklyScheduleHours?: number;
}
