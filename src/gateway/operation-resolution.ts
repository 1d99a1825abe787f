// Caller mistakes graphql-js 16 leaves to execution, which @apollo/gateway then reports as a bug (500):
// an operation type the graph does not have (it is read-only: no Mutation, no Subscription), and an
// operationName that picks no operation (unknown, missing while the document has several, or given to a
// document whose only operation is anonymous). Both are refused before anything is planned, as 400s.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';
import type { GatewayContext } from './gateway-context';

/** graphql-js 17's KnownOperationTypesRule: `mutation { … }` against a graph without a Mutation type. */
export const knownOperationTypesRule = (context: ValidationContext): ASTVisitor => {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (!schema.getRootType(node.operation)) {
        context.reportError(
          new GraphQLError(
            `The ${node.operation} operation is not supported by the schema: this graph is read-only and has queries only.`,
            {
              nodes: node,
            },
          ),
        );
      }
    },
  };
};

/** Refuses (400, OPERATION_RESOLUTION_FAILURE, Apollo's code for it) a request whose operationName picks no operation. */
export const operationResolutionPlugin: ApolloServerPlugin<GatewayContext> = {
  requestDidStart: async () => ({
    didResolveOperation: async ({ operation, document, request }) => {
      if (operation) return;
      const named = document.definitions.flatMap((definition) =>
        definition.kind === 'OperationDefinition' ? [definition.name?.value ?? null] : [],
      );
      const asked = request.operationName ? JSON.stringify(request.operationName.slice(0, 100)) : undefined;
      const message =
        asked !== undefined
          ? `Unknown operation named ${asked}: the document has ${
              named.every((name) => name === null)
                ? 'only an anonymous operation'
                : `operations ${named
                    .filter((name) => name !== null)
                    .map((name) => `"${name}"`)
                    .join(', ')}`
            }.`
          : 'The document has several operations: name the one to run in operationName.';
      throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
    },
  }),
};
