import type { DocumentNode, GraphQLSchema } from 'graphql';
import { fieldGrant, type Caller } from '../../../auth';
import { mayReadField } from '../../../auth/coordinates';
import { fieldsRead } from '../../../auth/operation-fields';

// Field permissions depend on the caller's scopes and the operation only, never on a row: decided
// once per (document, scopes) and looked up per field. Apollo Server reuses the parsed document of
// a repeated query string, so a repeated operation costs one Map lookup.
const byDocument = new WeakMap<DocumentNode, Map<string, ReadonlySet<string>>>();

export const deniedFields = (schema: GraphQLSchema, entityTypes: ReadonlySet<string>, document: DocumentNode, caller: Caller): ReadonlySet<string> => {
  const scopesKey = [...new Set(caller.scopes)].sort().join(',');
  let perScopes = byDocument.get(document);
  if (!perScopes) {
    perScopes = new Map();
    byDocument.set(document, perScopes);
  }
  let denied = perScopes.get(scopesKey);
  if (!denied) {
    const grant = fieldGrant(caller.scopes);
    const set = new Set<string>();
    for (const [key, { typeName, fieldName }] of fieldsRead(schema, document)) {
      if (!mayReadField(grant, entityTypes, typeName, fieldName)) set.add(key);
    }
    denied = set;
    perScopes.set(scopesKey, denied);
  }
  return denied;
};

// The decision of THIS request, keyed by its context object (SubgraphContext stays { sources, caller }).
const perRequest = new WeakMap<object, ReadonlySet<string>>();

export const rememberDenied = (context: object, denied: ReadonlySet<string>): void => {
  perRequest.set(context, denied);
};

/** The request's denied coordinates; undefined when the operation was never checked (the guard then denies). */
export const deniedOf = (context: object): ReadonlySet<string> | undefined => perRequest.get(context);
