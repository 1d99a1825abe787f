import { DateResolver, URLResolver } from 'graphql-scalars';
import { LenientEmailAddress } from '../shared/lenient-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { SchoolType, SecurityMarking } from '../shared/ss12000-enums';
import { EmailType, PersonAddressType, PersonStatus, PhoneNumberType, RelationType, Sex } from './enums';
import { Organisation } from './organisation.type';
import { Programme } from './programme.type';

@ObjectType('ExternalIdentifier', {
  description: 'An identifier of the person in another system, with the system it belongs to (context).',
})
export class ExternalIdentifier {
  @Field(() => String)
  value!: string;

  @Field(() => String)
  context!: string;

  @Field(() => Boolean)
  globallyUnique!: boolean;
}

@ObjectType('CivicNo', { description: 'Swedish personnummer/samordningsnummer or a foreign equivalent.' })
export class CivicNo {
  @Field(() => String)
  value!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country of issue.' })
  nationality!: string;
}

@ObjectType('Email', { description: 'An e-mail address and what kind it is.' })
export class Email {
  @Field(() => LenientEmailAddress)
  value!: string;

  @Field(() => EmailType)
  type!: string;
}

@ObjectType('PhoneNumber', { description: 'A phone number, what kind it is and whether it is a mobile.' })
export class PhoneNumber {
  @Field(() => String)
  value!: string;

  @Field(() => PhoneNumberType)
  type!: string;

  @Field(() => Boolean, { description: 'True for a mobile number (can take text messages).' })
  mobile!: boolean;
}

@ObjectType('PersonAddress', { description: "One of a person's addresses and what kind it is." })
export class PersonAddress {
  @Field(() => PersonAddressType)
  type!: string;

  @Field(() => String)
  streetAddress!: string;

  @Field(() => String)
  locality!: string;

  @Field(() => String)
  postalCode!: string;

  @Field(() => Int, { nullable: true })
  countyCode?: number;

  @Field(() => Int, { nullable: true })
  municipalityCode?: number;

  @Field(() => String, { nullable: true })
  realEstateDesignation?: string;

  @Field(() => String)
  country!: string;
}

/** SS 12000 Enrolment: the person is a student at `enroledAt`. References resolved in embedded.resolver.ts. */
@ObjectType('Enrolment', { description: "A student's enrolment (inskrivning) at a school unit: school type, year, programme and dates." })
export class Enrolment {
  @Field(() => Organisation, { nullable: true, description: 'The school unit (null if the producer does not know it).' })
  enroledAt?: Organisation;

  @Field(() => Int, { nullable: true })
  schoolYear?: number;

  @Field(() => SchoolType)
  schoolType!: string;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'Null where the producer leaves it out (real producers do, though SS 12000 requires it).',
  })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;

  @Field(() => Boolean, { nullable: true })
  cancelled?: boolean;

  @Field(() => String, { nullable: true })
  educationCode?: string;

  @Field(() => Programme, { nullable: true })
  programme?: Programme;

  @Field(() => String, { nullable: true })
  specification?: string;
}

/**
 * SS 12000 Person. Embedded lists are typed objects; `responsibles[].person`, `groupMemberships`,
 * `duties` and `responsibleFor` are resolved in person.resolver.ts and embedded.resolver.ts.
 */
@Directive('@key(fields: "id")')
@ObjectType('Person', { description: 'A person (person): a student, a member of staff or a guardian.' })
export class Person {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta, { nullable: true })
  meta?: Meta;

  @Field(() => String, { nullable: true })
  givenName?: string;

  @Field(() => String, { nullable: true })
  middleName?: string;

  @Field(() => String, { nullable: true })
  familyName?: string;

  @Field(() => [String], { nullable: true })
  eduPersonPrincipalNames?: string[];

  @Field(() => [ExternalIdentifier], { nullable: true })
  externalIdentifiers?: ExternalIdentifier[];

  @Field(() => CivicNo, { nullable: true })
  civicNo?: CivicNo;

  @Field(() => DateResolver, { nullable: true })
  birthDate?: string;

  @Field(() => Sex, { nullable: true })
  sex?: string;

  @Field(() => SecurityMarking, { nullable: true })
  securityMarking?: string;

  @Field(() => PersonStatus, { nullable: true })
  personStatus?: string;

  @Field(() => [Email], { nullable: true })
  emails?: Email[];

  @Field(() => [PhoneNumber], { nullable: true })
  phoneNumbers?: PhoneNumber[];

  @Field(() => [PersonAddress], { nullable: true })
  addresses?: PersonAddress[];

  @Field(() => URLResolver, { nullable: true })
  photo?: string;

  @Field(() => [Enrolment], { nullable: true })
  enrolments?: Enrolment[];

  @Field(() => [Responsible], { nullable: true, description: 'Guardians and other responsibles of this person.' })
  responsibles?: Responsible[];
}

/** SS 12000 Person.responsibles[] / _embedded.responsibleFor[]: a person and how they relate. */
@ObjectType('Responsible', { description: 'Someone responsible for a person, such as a guardian, and how they are related.' })
export class Responsible {
  @Field(() => Person, { nullable: true })
  person?: Person;

  @Field(() => RelationType, { nullable: true })
  relationType?: string;
}
