import type { DocumentNode, GraphQLSchema } from 'graphql';
import { fieldGrant, type Caller } from '../../../auth';
import { mayReadField } from '../../../auth/coordinates';
import { fieldsRead } from '../../../auth/operation-fields';
import { getOrCompute } from '../../../lib/get-or-compute';

// Field permissions depend on the caller's scopes and the operation only, never on a row: decided
// once per (document, scopes) and looked up per field. Apollo Server reuses the parsed document of
// a repeated query string, so a repeated operation costs one Map lookup.
const byDocument = new WeakMap<DocumentNode, Map<string, ReadonlySet<string>>>();

export const deniedFields = (
  schema: GraphQLSchema,
  entityTypes: ReadonlySet<string>,
  document: DocumentNode,
  caller: Caller,
): ReadonlySet<string> => {
  const scopesKey = [...new Set(caller.scopes)].sort().join(',');
  const perScopes = getOrCompute(byDocument, document, () => new Map<string, ReadonlySet<string>>());
  return getOrCompute(perScopes, scopesKey, () => {
    const grant = fieldGrant(caller.scopes);
    const denied = new Set<string>();
    for (const [key, { typeName, fieldName }] of fieldsRead(schema, document)) {
      if (!mayReadField(grant, entityTypes, typeName, fieldName)) denied.add(key);
    }
    return denied;
  });
};

// The decision of THIS request, keyed by its context object (SubgraphContext stays { sources, caller }).
const perRequest = new WeakMap<object, ReadonlySet<string>>();

export const rememberDenied = (context: object, denied: ReadonlySet<string>): void => {
  perRequest.set(context, denied);
};

/** The request's denied coordinates; undefined when the operation was never checked (the guard then denies). */
export const deniedOf = (context: object): ReadonlySet<string> | undefined => perRequest.get(context);
