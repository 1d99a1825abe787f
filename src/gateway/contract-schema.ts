// A supplier's contract schema: the composed API schema cut down to what its scopes may read and its
// write grants may write (a Mutation field only with its grant), so its introspection and GET /sdl
// show exactly its slice, arguments included: one whose reads it may not make is not offered
// (contract-arguments.ts). Built once per (API schema, scopes set, write grants).
import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils';
import { type GraphQLSchema, isObjectType, parse, printSchema } from 'graphql';
import { fieldGrant, mayWrite, type PresetName, type WriteGrant } from '../auth';
import { mayReadField } from '../auth/coordinates';
import { getOrCompute } from '../lib/get-or-compute';
import { planArguments } from './contract-arguments';

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
  Object.values(schema.getTypeMap()).some(
    (type) => isObjectType(type) && !type.name.startsWith('__') && Object.keys(type.getFields()).length === 0,
  );

const build = (
  api: GraphQLSchema,
  entityTypes: ReadonlySet<string>,
  scopes: readonly PresetName[],
  writes: readonly WriteGrant[],
): Contract => {
  const grant = fieldGrant(scopes);
  const mutation = api.getMutationType()?.name;
  const kept = (typeName: string, fieldName: string): boolean =>
    typeName === mutation ? mayWrite(writes, fieldName) : mayReadField(grant, entityTypes, typeName, fieldName);
  const plan = planArguments(api, grant, kept);
  let schema = mapSchema(api, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      if (!kept(typeName, fieldName) || plan.uncallable.has(`${typeName}.${fieldName}`)) return null;
      const hidden = plan.hiddenArguments.get(`${typeName}.${fieldName}`);
      if (!hidden || !field.args) return field;
      return { ...field, args: Object.fromEntries(Object.entries(field.args).filter(([name]) => !hidden.has(name))) };
    },
    [MapperKind.INPUT_OBJECT_FIELD]: (field, fieldName, typeName) => (plan.hiddenInputFields.get(typeName)?.has(fieldName) ? null : field),
    // The contract's own copy of the enum, under the graph's name, without the values it may not use.
    [MapperKind.ENUM_VALUE]: (value, typeName, _schema, externalValue) => {
      const keptValues = plan.enumValues.get(typeName);
      return keptValues === undefined || keptValues.size === 0 || keptValues.has(externalValue) ? value : null;
    },
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
