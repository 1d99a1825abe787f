// Introspection at the gateway answers from the caller's contract schema: a supplier discovers
// only the types and fields it may read. @apollo/gateway would answer it from the full API schema.
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { type DocumentNode, execute, type FormattedExecutionResult, GraphQLError, type GraphQLSchema } from 'graphql';
import type { PresetName, WriteGrant } from '../auth';
import { fieldsRead } from '../auth/operation-fields';
import type { ErrorCode } from '../resolvers/shared/errors';
import type { Contracts } from './contract-schema';
import type { GatewayContext } from './gateway-context';

const INTROSPECTION_ROOTS = new Set(['Query.__schema', 'Query.__type']);

export interface IntrospectionRequest {
  /** The full API schema the document validated against. */
  schema: GraphQLSchema;
  document: DocumentNode;
  scopes: readonly PresetName[];
  /** The caller's write grants: the contract's Mutation fields. */
  writes?: readonly WriteGrant[];
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * The answer to an introspection operation, from the caller's contract schema; undefined when the
 * operation is not one (it runs as usual). Introspection mixed with data is refused (400): it would be
 * answered from the full schema. Engine-free: the Apollo plugin below and the Hive plugin (src/hive) call it.
 */
export async function introspectionAnswer(
  contracts: Contracts,
  request: IntrospectionRequest,
): Promise<{ status: 200 | 400; result: FormattedExecutionResult } | undefined> {
  const roots = [...fieldsRead(request.schema, request.document).keys()].filter(
    (key) => key.startsWith('Query.') && key !== 'Query.__typename',
  );
  if (!roots.some((key) => INTROSPECTION_ROOTS.has(key))) return undefined;
  if (roots.some((key) => !INTROSPECTION_ROOTS.has(key))) {
    const error = new GraphQLError('Query __schema and __type in an operation of their own.', {
      extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode },
    });
    return { status: 400, result: { errors: [error.toJSON()] } };
  }
  const contract = contracts(request.schema, request.scopes, request.writes);
  const result = await execute({
    schema: contract.schema,
    document: request.document,
    operationName: request.operationName ?? undefined,
    variableValues: request.variables ?? undefined,
  });
  return { status: 200, result: { data: result.data ?? null, errors: result.errors?.map((error) => error.toJSON()) } };
}

export const contractIntrospectionPlugin = (contracts: Contracts): ApolloServerPlugin<GatewayContext> => ({
  requestDidStart: async () => ({
    responseForOperation: async ({ document, schema, contextValue, operationName, request }) => {
      const answer = await introspectionAnswer(contracts, {
        schema,
        document,
        scopes: contextValue.caller.scopes,
        writes: contextValue.caller.writes,
        operationName,
        variables: request.variables,
      });
      if (!answer) return null;
      return { http: { status: answer.status, headers: new HeaderMap() }, body: { kind: 'single', singleResult: answer.result } };
    },
  }),
});
