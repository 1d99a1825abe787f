// A supplier's contract schema: the composed API schema cut down to what its scopes may read and its
// write grants may write (a Mutation field only with its grant), so its introspection and GET /sdl
// show exactly its slice. Built once per (API schema, scopes set, write grants).
import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils';
import { type GraphQLSchema, isObjectType, parse, printSchema } from 'graphql';
import { fieldGrant, mayWrite, type PresetName, type WriteGrant } from '../auth';
import { mayReadField } from '../auth/coordinates';
import { getOrCompute } from '../lib/get-or-compute';

export interface Contract {
  readonly schema: GraphQLSchema;
  readonly sdl: string;
}

/** The entity types of a supergraph: object types some subgraph declares with a @key. */
export const supergraphEntityTypes = (supergraphSdl: string): ReadonlySet<string> => {
  const entities = new Set<string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== 'ObjectTypeDefinition') continue;
    const keyed = definition.directives?.some(
      (directive) => directive.name.value === 'join__type' && directive.arguments?.some((argument) => argument.name.value === 'key'),
    );
    if (keyed) entities.add(definition.name.value);
  }
  return entities;
};

const hasNoFields = (schema: GraphQLSchema): boolean =>
  Object.values(schema.getTypeMap()).some((type) => isObjectType(type) && !type.name.startsWith('__') && Object.keys(type.getFields()).length === 0);

const build = (api: GraphQLSchema, entityTypes: ReadonlySet<string>, scopes: readonly PresetName[], writes: readonly WriteGrant[]): Contract => {
  const grant = fieldGrant(scopes);
  const mutation = api.getMutationType()?.name;
  let schema = mapSchema(api, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) =>
      (typeName === mutation ? mayWrite(writes, fieldName) : mayReadField(grant, entityTypes, typeName, fieldName)) ? field : null,
  });
  // A type left without fields is dropped, and with it every field that returns it; repeat until stable.
  while (hasNoFields(schema)) {
    schema = mapSchema(schema, {
      [MapperKind.OBJECT_TYPE]: (type) => (Object.keys(type.getFields()).length === 0 && type.name !== 'Query' ? null : type),
    });
    if (schema.getQueryType() && Object.keys(schema.getQueryType()!.getFields()).length === 0) break;
  }
  schema = pruneSchema(schema);
  return { schema, sdl: printSchema(schema) };
};

/** Memoised per API schema (a new supergraph recomputes) and per scopes set and write grants. */
export const createContracts = (entityTypes: ReadonlySet<string>) => {
  const cache = new WeakMap<GraphQLSchema, Map<string, Contract>>();
  return (api: GraphQLSchema, scopes: readonly PresetName[], writes: readonly WriteGrant[] = []): Contract => {
    const key = `${[...new Set(scopes)].sort().join(',')};${[...new Set(writes)].sort().join(',')}`;
    const perScopes = getOrCompute(cache, api, () => new Map<string, Contract>());
    return getOrCompute(perScopes, key, () => build(api, entityTypes, scopes, writes));
  };
};

export type Contracts = ReturnType<typeof createContracts>;
