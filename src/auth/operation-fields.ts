import { getNamedType, isAbstractType, type DocumentNode, type GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { coordinate } from './coordinates';
import { getOrCompute } from '../lib/get-or-compute';

export interface FieldRead {
  readonly typeName: string;
  readonly fieldName: string;
}

// Asked per request by the audit line, the introspection check and the field permissions; Apollo
// Server hands every request of the same query string the same parsed document, so walk it once.
const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, ReadonlyMap<string, FieldRead>>>();

/**
 * Every `Type.field` a document selects, through aliases, inline and named fragments, keyed by
 * coordinate. Walks every operation and fragment of the document: a field of an operation that
 * will not run can only add to what is checked, never hide a field that will.
 */
export const fieldsRead = (schema: GraphQLSchema, document: DocumentNode): ReadonlyMap<string, FieldRead> => {
  const byDocument = getOrCompute(bySchema, schema, () => new WeakMap<DocumentNode, ReadonlyMap<string, FieldRead>>());
  return getOrCompute(byDocument, document, () => walkFields(schema, document));
};

const walkFields = (schema: GraphQLSchema, document: DocumentNode): Map<string, FieldRead> => {
  const typeInfo = new TypeInfo(schema);
  const reads = new Map<string, FieldRead>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        const fieldName = node.name.value;
        // A field selected on an interface is resolved on each implementation: check those.
        const types = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [getNamedType(parent)];
        for (const { name: typeName } of types) reads.set(coordinate(typeName, fieldName), { typeName, fieldName });
      },
    }),
  );
  return reads;
};
