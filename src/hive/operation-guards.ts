// What the Apollo gateway checks between parsing and planning, on Hive's envelop hooks, with the same
// rules: token, depth and alias limits (operation-limits.ts), no mutation or subscription
// (operation-resolution.ts), variables that coerce, the
// supplier's cost budget (operation-cost.ts), introspection answered from the supplier's contract
// (contract-introspection.ts), and documents by id per supplier (persisted-documents.ts). Each refusal
// is coded and carries its HTTP status, as Apollo's are; nothing is planned or fetched for it.
import { getOperationAST, GraphQLError } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { GraphQLParams } from 'graphql-yoga';
import { isBadArgumentValue } from '../resolvers/shared/errors';
import { introspectionAnswer } from '../gateway/contract-introspection';
import type { Contracts } from '../gateway/contract-schema';
import { priceOperation } from '../gateway/operation-cost';
import { OPERATION_LIMITS, operationLimitRules } from '../gateway/operation-limits';
import { knownOperationTypesRule } from '../gateway/operation-resolution';
import type { PersistedDocuments } from '../gateway/persisted-documents';
import { requestStates } from './request-state';

type Context = { request?: Request };

const PLACEHOLDER = '{ __typename }';

/** A refusal with Apollo's code for it and a 400, keeping where in the document it points. */
const requestError = (error: GraphQLError, code: string): GraphQLError =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code, http: { status: 400 } },
  });

const validationCode = (error: GraphQLError): string =>
  isBadArgumentValue({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })
    ? 'BAD_USER_INPUT'
    : 'GRAPHQL_VALIDATION_FAILED';

export const useOperationGuards = (options: { contracts: Contracts; documents: PersistedDocuments }): GatewayPlugin => ({
  // Documents by id are resolved before Yoga checks the params (it wants a query text and no documentId).
  onRequestParse: ({ request }) => ({
    onRequestParseDone: async ({ requestParserResult, setRequestParserResult }) => {
      const state = requestStates.get(request);
      // An array is a batch: Yoga refuses it (batching is off).
      if (!state || Array.isArray(requestParserResult)) return;
      const params = requestParserResult as GraphQLParams & { documentId?: unknown };
      const decision = await options.documents.decide(
        {
          query: params.query,
          extensions: params.extensions,
          http: { method: request.method, search: new URL(request.url).search, body: params },
        },
        state.caller.supplier,
      );
      if (decision.documentId !== undefined) state.documentId = decision.documentId;
      const { documentId: _id, ...rest } = params;
      const { persistedQuery: _persisted, ...extensions } = params.extensions ?? {};
      if (decision.refused) {
        // Answered in onParams, once Yoga has checked the request, so it is formatted and audited like any other.
        state.refusal = decision.refused;
        setRequestParserResult({ query: PLACEHOLDER });
        return;
      }
      setRequestParserResult({ ...rest, query: decision.query, extensions });
      state.registerDocument = decision.register;
    },
  }),
  onParams: ({ request, setResult }) => {
    const refusal = requestStates.get(request)?.refusal;
    if (refusal) setResult({ errors: [refusal] });
  },
  // An operationName that picks no operation Yoga refuses itself once parsed (usePreventMutationViaGET):
  // the same code and status as operation-resolution.ts, in its own words.
  onParse: ({ setParseFn, parseFn }) => {
    setParseFn((source, parseOptions) => parseFn(source, { ...parseOptions, maxTokens: OPERATION_LIMITS.maxTokens }));
    return ({ result, replaceParseResult }) => {
      if (result instanceof GraphQLError)
        replaceParseResult(requestError(result, String(result.extensions?.['code'] ?? 'GRAPHQL_PARSE_FAILED')));
    };
  },
  onValidate: ({ addValidationRule, context }) => {
    for (const rule of [...operationLimitRules, knownOperationTypesRule]) addValidationRule(rule);
    return ({ valid, result, setResult }) => {
      if (!valid) setResult((result as GraphQLError[]).map((error) => requestError(error, validationCode(error))));
      // Registration never fails (a store outage costs a later miss): not waited for.
      else void requestStates.get((context as Context).request)?.registerDocument?.();
    };
  },
  onExecute: async ({ args, setResultAndStopExecution }) => {
    const state = requestStates.get((args.contextValue as Context).request);
    if (!state) return;
    const { schema, document, operationName, variableValues } = args;
    state.resolved = { schema, document };
    const operation = getOperationAST(document, operationName ?? undefined)!;
    state.operation = operation;
    state.operationName = operationName ?? operation.name?.value ?? null;
    const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues ?? {}).errors;
    if (coercion) {
      setResultAndStopExecution({ errors: coercion.map((error) => requestError(error, 'BAD_USER_INPUT')) });
      return;
    }
    const introspection = await introspectionAnswer(options.contracts, {
      schema,
      document,
      scopes: state.caller.scopes,
      writes: state.caller.writes,
      operationName,
      variables: variableValues,
    });
    if (introspection) {
      const errors = introspection.result.errors?.map(
        (error) =>
          new GraphQLError(error.message, {
            path: error.path,
            extensions: { ...error.extensions, http: { status: introspection.status } },
          }),
      );
      setResultAndStopExecution({
        ...(introspection.status === 200 ? { data: introspection.result.data } : {}),
        ...(errors ? { errors } : {}),
      });
      return;
    }
    const priced = priceOperation(schema, { document, variables: variableValues, operationName }, state.caller);
    state.priced = priced?.priced;
    if (priced?.refusal) setResultAndStopExecution({ errors: [priced.refusal] });
  },
});
