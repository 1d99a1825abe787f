import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { OrganisationStub } from './stubs.type';

@Directive('@key(fields: "id")')
@ObjectType('Room')
export class Room {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta)
  meta!: Meta;

  @Field(() => String)
  displayName!: string;

  @Field(() => Int, { nullable: true })
  seats?: number;

  @Field(() => OrganisationStub)
  owner!: OrganisationStub;
}
