import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphContext } from '../context';
import { deniedFields, rememberDenied } from './denied-fields';
import { guardArguments } from './argument-guard';
import { entityTypesOf, guardFields } from './field-guard';
import { shieldRootFields } from './root-shield';

export { forbidden, forbiddenArgument, forbiddenWrite } from './forbidden';
export { unclassifiedArguments } from './argument-guard';

export interface EnforcedSchema {
  schema: GraphQLSchema;
  /** Decides the request's denied coordinates once, before execution; the guards consult it. */
  plugin: ApolloServerPlugin<SubgraphContext>;
}

/**
 * Field permissions of a subgraph: graphql-shield on the root fields, a per-operation decision for
 * everything below, enforced by synchronous guards on every field of every governed type and on
 * `__resolveReference`, and every filter or sort argument checked as the read it is (argument-guard.ts). Takes ownership of `schema` (its resolvers are wrapped in place).
 *
 * Why not shield on every field: bench/permissions.bench.ts, 2,000 rows × 5 person fields in the
 * executor: p50 4.2 ms unguarded, 4.4 ms with these guards (1.05×), 26.4 ms with graphql-shield on
 * every field (6.3×, its per-field async wrapper). Permissions never depend on the row, so deciding
 * per operation loses nothing; every field is still guarded (none is skipped as default-resolved).
 *
 * Nullability: a denied field is null with a FORBIDDEN error naming it, its siblings served. Every
 * field some preset can withhold is therefore nullable in the graph, even where SS 12000 requires it
 * (Person.givenName, Group.displayName, …): a non-null one would null its whole parent object.
 * test/auth/withheld-fields-nullable.test.ts keeps that true as presets and types change.
 */
export const enforceFieldPermissions = (schema: GraphQLSchema): EnforcedSchema => {
  const entityTypes = entityTypesOf(schema);
  // Arguments first, so the field guard (wrapping it) denies a withheld field before its arguments are looked at.
  guardArguments(schema);
  guardFields(schema, entityTypes);
  const shielded = shieldRootFields(schema);
  return {
    schema: shielded,
    plugin: {
      requestDidStart: async () => ({
        didResolveOperation: async ({ document, contextValue }) => {
          rememberDenied(contextValue, deniedFields(shielded, entityTypes, document, contextValue.caller));
        },
      }),
    },
  };
};
