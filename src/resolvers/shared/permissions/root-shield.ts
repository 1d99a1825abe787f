import { type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import { fieldGrant, mayWrite } from '../../../auth';
import { coordinate } from '../../../auth/coordinates';
import type { SubgraphContext } from '../context';
import { forbidden, forbiddenWrite } from './forbidden';

// Federation's own entry points: composition reads `_service`; `_entities` is checked per entity
// type (field-guard.ts) and per field, so letting the list through leaks nothing.
const FEDERATION_ROOTS = new Set(['_service', '_entities']);

/** One named rule per root field, cached per request (it depends on the caller only). */
const rootRule = (fieldName: string) =>
  rule(`read ${coordinate('Query', fieldName)}`, { cache: 'contextual' })((_parent, _args, context: SubgraphContext) =>
    fieldGrant(context.caller.scopes).canRead('Query', fieldName) ? true : forbidden(coordinate('Query', fieldName)),
  );

/** Writes are their own grant (src/auth/write-grants.ts), not a preset: a supplier may read what it may not write. */
const writeRule = (fieldName: string) =>
  rule(`write ${coordinate('Mutation', fieldName)}`, { cache: 'contextual' })((_parent, _args, context: SubgraphContext) =>
    mayWrite(context.caller.writes, fieldName) ? true : forbiddenWrite(coordinate('Mutation', fieldName)),
  );

/**
 * graphql-shield over the ROOT fields (Query, Mutation, and `_Service`), deny by default. Shield's async wrapper is
 * applied to these few fields only: on every field of a 2,000-row list it costs 5–7× (STACK.md,
 * bench/permissions.bench.ts), so row fields get field-guard's synchronous check of the same grant.
 */
export const shieldRootFields = (schema: GraphQLSchema): GraphQLSchema => {
  const query = schema.getQueryType();
  if (!query) throw new Error('a subgraph schema without Query');
  const queryRules = Object.fromEntries(
    Object.keys(query.getFields()).map((fieldName) => [fieldName, FEDERATION_ROOTS.has(fieldName) ? allow : rootRule(fieldName)]),
  );
  const mutation = schema.getMutationType();
  const mutationRules = mutation
    ? { [mutation.name]: Object.fromEntries(Object.keys(mutation.getFields()).map((fieldName) => [fieldName, writeRule(fieldName)])) }
    : {};
  const permissions = shield(
    { Query: queryRules, ...mutationRules, _Service: allow },
    {
      fallbackRule: deny,
      // Shield runs the resolver inside its own try: without this, a resolver's BAD_USER_INPUT or
      // UPSTREAM_UNAVAILABLE would come out as FORBIDDEN.
      allowExternalErrors: true,
      // Shield's own rules return our coded error; this is for a rule that threw or a field no rule names.
      fallbackError: (_error, _parent, _args, _context, info) => forbidden(coordinate(info.parentType.name, info.fieldName)),
    },
  );
  const generated = permissions.generate(schema) as IMiddlewareTypeMap;
  // Only the root types' middleware: every other type is guarded synchronously (field-guard.ts).
  const roots: IMiddlewareTypeMap = {};
  for (const typeName of [query.name, ...(mutation ? [mutation.name] : []), '_Service']) {
    const middleware = generated[typeName];
    if (middleware) roots[typeName] = middleware;
  }
  return applyMiddleware(schema, roots);
};
