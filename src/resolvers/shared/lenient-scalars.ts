// Scalars that serve what real producers send (sources/shared/tolerant-reader.ts): graphql-scalars'
// EmailAddress refuses to serialise an invalid address, which would null the field with a masked
// error; producers do hold such addresses, and they are served as the strings they are. Arguments
// are still parsed strictly. Same name, description and SDL as graphql-scalars' type.
import { GraphQLScalarType } from 'graphql';
import { EmailAddressResolver } from 'graphql-scalars';

export const LenientEmailAddress = new GraphQLScalarType({
  ...EmailAddressResolver.toConfig(),
  serialize: (value: unknown) => (typeof value === 'string' ? value : EmailAddressResolver.serialize(value)),
});
