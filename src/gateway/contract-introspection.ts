// Introspection at the gateway answers from the caller's contract schema: a supplier discovers
// only the types and fields it may read. @apollo/gateway would answer it from the full API schema.
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { execute, GraphQLError } from 'graphql';
import { fieldsRead } from '../auth/operation-fields';
import type { ErrorCode } from '../resolvers/shared/errors';
import type { Contracts } from './contract-schema';
import type { GatewayContext } from './gateway-context';

const INTROSPECTION_ROOTS = new Set(['Query.__schema', 'Query.__type']);

export const contractIntrospectionPlugin = (contracts: Contracts): ApolloServerPlugin<GatewayContext> => ({
  requestDidStart: async () => ({
    responseForOperation: async ({ document, schema, contextValue, operationName, request }) => {
      const roots = [...fieldsRead(schema, document).keys()].filter((key) => key.startsWith('Query.') && key !== 'Query.__typename');
      if (!roots.some((key) => INTROSPECTION_ROOTS.has(key))) return null;
      if (roots.some((key) => !INTROSPECTION_ROOTS.has(key))) {
        const error = new GraphQLError('Query __schema and __type in an operation of their own.', {
          extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode },
        });
        return { http: { status: 400, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [error.toJSON()] } } };
      }
      const contract = contracts(schema, contextValue.caller.scopes, contextValue.caller.writes);
      const result = await execute({ schema: contract.schema, document, operationName, variableValues: request.variables });
      return { http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data ?? null, errors: result.errors?.map((error) => error.toJSON()) } } };
    },
  }),
});
