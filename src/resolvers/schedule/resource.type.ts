import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { OrganisationStub } from './stubs.type';

@Directive('@key(fields: "id")')
@ObjectType('Resource', { description: 'A bookable resource other than a room (resurs), e.g. equipment.' })
export class Resource {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta)
  meta!: Meta;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => OrganisationStub)
  owner!: OrganisationStub;
}
