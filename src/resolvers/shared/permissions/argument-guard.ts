import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isInputObjectType,
  getNamedType,
  isObjectType,
} from 'graphql';
import { fieldGrant } from '../../../auth';
import { ARGUMENT_READS, argumentReads, FEDERATION_FIELDS } from '../../../auth/argument-reads';
import { withheldRead } from '../../../auth/argument-use';
import { coordinate } from '../../../auth/coordinates';
import type { SubgraphContext } from '../context';
import { forbiddenArgument } from './forbidden';

/**
 * Every argument (and input-object field) of `schema` that ARGUMENT_READS does not classify, as
 * `Type.field(argument:)`. Federation's own fields are left out.
 */
export const unclassifiedArguments = (schema: GraphQLSchema): string[] => {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const key = coordinate(type.name, field.name);
      if (FEDERATION_FIELDS.has(key)) continue;
      for (const arg of field.args) {
        const entries = ARGUMENT_READS[key];
        if (entries?.[arg.name] === undefined) missing.push(`${key}(${arg.name}:)`);
        const named = getNamedType(arg.type);
        if (isInputObjectType(named)) {
          for (const inner of Object.keys(named.getFields())) {
            if (entries?.[`${arg.name}.${inner}`] === undefined) missing.push(`${key}(${arg.name}.${inner}:)`);
          }
        }
      }
    }
  }
  return missing;
};

/**
 * A filter or sort key is a read of the attribute it names (src/auth/argument-reads.ts): wraps
 * every field that takes arguments so that an argument reading a `Type.field` the caller may not
 * read is FORBIDDEN, naming the argument, before the resolver (and so any producer) runs. Refuses
 * a schema with an argument the table does not classify. Mutates `schema` in place.
 */
export const guardArguments = (schema: GraphQLSchema): void => {
  const missing = unclassifiedArguments(schema);
  if (missing.length > 0) throw new Error(`arguments not classified in ARGUMENT_READS: ${missing.join(', ')}`);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const key = coordinate(type.name, field.name);
      if (field.args.length === 0 || FEDERATION_FIELDS.has(key)) continue;
      const resolve: GraphQLFieldResolver<unknown, SubgraphContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const grant = fieldGrant(context.caller.scopes);
        for (const { argument, reads } of argumentReads(key, args)) {
          const withheld = withheldRead(grant, reads);
          if (withheld !== undefined) throw forbiddenArgument(key, argument, withheld);
        }
        return resolve(source, args, context, info);
      };
    }
  }
};
