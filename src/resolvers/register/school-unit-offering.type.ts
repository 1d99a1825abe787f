import { DateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.type';
import { Programme } from './programme.type';
import { Syllabus } from './syllabus.type';

/**
 * SS 12000 SchoolUnitOffering: what a school unit offers. The spec gives it no id or meta, yet
 * serves /schoolUnitOfferings/{id}; `id` is nullable for producers that leave it out. Not an entity.
 */
@ObjectType('SchoolUnitOffering')
export class SchoolUnitOffering {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;

  @Field(() => Organisation, { nullable: true })
  offeredAt?: Organisation;

  @Field(() => [Syllabus], { nullable: true })
  offeredSyllabuses?: Syllabus[];

  @Field(() => [Programme], { nullable: true })
  offeredProgrammes?: Programme[];
}
