import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { AbsenceType } from './enums';
import { OrganisationStub, PersonStub } from './stubs.type';

/** SS 12000 Absence: leave or absence reported in advance for a period. */
@Directive('@key(fields: "id")')
@ObjectType('Absence')
export class Absence {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta)
  meta!: Meta;

  @Field(() => DateTimeResolver)
  startTime!: string;

  @Field(() => DateTimeResolver)
  endTime!: string;

  @Field(() => AbsenceType)
  type!: string;

  @Field(() => PersonStub)
  student!: PersonStub;

  @Field(() => OrganisationStub, { nullable: true })
  organisation?: OrganisationStub;

  @Field(() => PersonStub, { nullable: true })
  registeredBy?: PersonStub;
}
