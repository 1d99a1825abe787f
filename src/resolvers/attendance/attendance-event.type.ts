import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { AttendanceEventType } from './enums';
import { GroupStub, PersonStub } from './stubs.type';

/** SS 12000 AttendanceEvent: a check-in or check-out (e.g. at a leisure-time centre). */
@Directive('@key(fields: "id")')
@ObjectType('AttendanceEvent', {
  description: 'A check-in or check-out of a person (in- och utcheckning), e.g. in preschool or after-school care.',
})
export class AttendanceEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta)
  meta!: Meta;

  @Field(() => DateTimeResolver)
  time!: string;

  @Field(() => AttendanceEventType)
  eventType!: string;

  @Field(() => PersonStub)
  person!: PersonStub;

  @Field(() => PersonStub, { nullable: true })
  registeredBy?: PersonStub;

  @Field(() => GroupStub)
  group!: GroupStub;
}
