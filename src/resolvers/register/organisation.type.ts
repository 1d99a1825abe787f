import { DateResolver, URLResolver } from 'graphql-scalars';
import { LenientEmailAddress } from '../shared/lenient-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Meta } from '../shared/meta.type';
import { OrganisationType, SchoolType } from '../shared/ss12000-enums';
import { ContactInfoType, OrganisationAddressType } from './enums';

@ObjectType('OrganisationAddress', { description: 'SS 12000 Organisation.address.' })
export class OrganisationAddress {
  @Field(() => OrganisationAddressType, { nullable: true })
  type?: string;

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

  @Field(() => String, { nullable: true })
  country?: string;
}

@ObjectType('ContactInfo', { description: 'SS 12000 ContactInfo.' })
export class ContactInfo {
  @Field(() => ContactInfoType, { nullable: true })
  infoType?: string;

  @Field(() => String, { nullable: true })
  info?: string;
}

/**
 * SS 12000 Organisation: huvudman, school unit or any element between. `parentOrganisation`,
 * `children` and `groups` are resolved in organisation.resolver.ts.
 */
@Directive('@key(fields: "id")')
@ObjectType('Organisation')
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field(() => Meta, { nullable: true })
  meta?: Meta;

  @Field(() => String, { nullable: true })
  displayName?: string;

  @Field(() => String, { nullable: true })
  organisationCode?: string;

  @Field(() => OrganisationType, { nullable: true })
  organisationType?: string;

  @Field(() => String, { nullable: true, description: 'Legal-entity number (municipality, company).' })
  organisationNumber?: string;

  @Field(() => String, { nullable: true, description: "Skolverket's school unit code." })
  schoolUnitCode?: string;

  @Field(() => [SchoolType], { nullable: true })
  schoolTypes?: string[];

  @Field(() => OrganisationAddress, { nullable: true })
  address?: OrganisationAddress;

  @Field(() => String, { nullable: true })
  municipalityCode?: string;

  @Field(() => URLResolver, { nullable: true })
  url?: string;

  @Field(() => LenientEmailAddress, { nullable: true })
  email?: string;

  @Field(() => String, { nullable: true })
  phoneNumber?: string;

  @Field(() => [ContactInfo], { nullable: true })
  contactInfo?: ContactInfo[];

  @Field(() => DateResolver, { nullable: true })
  startDate?: string;

  @Field(() => DateResolver, { nullable: true })
  endDate?: string;
}
