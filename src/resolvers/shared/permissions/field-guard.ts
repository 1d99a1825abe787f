import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType, isUnionType } from 'graphql';
import { fieldGrant } from '../../../auth';
import { coordinate, isGovernedType, mayReadType } from '../../../auth/coordinates';
import type { SubgraphContext } from '../context';
import { deniedOf } from './denied-fields';
import { forbidden } from './forbidden';

type ReferenceResolver = (reference: object, context: SubgraphContext, info: unknown) => unknown;
interface EntityExtensions {
  apollo?: { subgraph?: { resolveReference?: ReferenceResolver } };
}

/**
 * Puts a synchronous guard on every field of every governed non-root type, default-resolved fields
 * included (a guard only on declared resolvers silently skipped those: STACK.md). The guard is one
 * WeakMap and one Set lookup, and returns the resolver's own value, so a list of plain objects stays
 * synchronous: no per-field promise as graphql-shield's wrapper makes. Root fields (Query, Mutation) are shield's (root-shield.ts).
 * Mutates `schema` in place: call it on a schema built for this server only.
 */
export const guardFields = (schema: GraphQLSchema, entityTypes: ReadonlySet<string>): void => {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType()) continue;
    if (!isGovernedType(type.name, entityTypes)) continue;
    for (const field of Object.values(type.getFields())) {
      const key = coordinate(type.name, field.name);
      const resolve: GraphQLFieldResolver<unknown, SubgraphContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const denied = deniedOf(context);
        if (denied === undefined || denied.has(key)) throw forbidden(key);
        return resolve(source, args, context, info);
      };
    }
  }
  // `_entities` hands out any entity by id: the caller must be granted the type at all. A rejected
  // promise (not a throw) fails only that representation, as a missing row would.
  for (const typeName of entityTypes) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const extensions = type.extensions as EntityExtensions;
    const original = extensions.apollo?.subgraph?.resolveReference;
    const guarded: ReferenceResolver = (reference, context, info) =>
      mayReadType(fieldGrant(context.caller.scopes), entityTypes, typeName)
        ? original
          ? original(reference, context, info)
          : reference
        : Promise.reject(forbidden(typeName));
    (type as { extensions: EntityExtensions }).extensions = {
      ...extensions,
      apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference: guarded } },
    };
  }
};

/** The federation entity types of a subgraph schema (the members of `_Entity`). */
export const entityTypesOf = (schema: GraphQLSchema): ReadonlySet<string> => {
  const union = schema.getType('_Entity');
  return new Set(isUnionType(union) ? union.getTypes().map((type) => type.name) : []);
};
