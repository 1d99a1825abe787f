// Limits on the shape of an operation, checked when it is validated, before anything is planned or
// fetched: a supplier's mistake (or a hostile document) cannot make the gateway walk a municipality
// through twenty levels of guardians and children, or ask one field a thousand times under aliases.
// Introspection is not counted (its standard query is deep by design).
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

export const OPERATION_LIMITS = {
  // The deepest standard query (a school unit → classes → members → guardians, through connection
  // edges) is 9 fields deep; 15 leaves room without allowing unbounded walks.
  maxDepth: 15,
  maxAliases: 30,
  // Parser tokens: far above any hand-written operation, far below a document built to exhaust the parser.
  maxTokens: 5000,
} as const;

// The rules would throw, which Apollo Server answers as a 500; reported, the refusal is an ordinary
// validation error (400, GRAPHQL_VALIDATION_FAILED). Their "Syntax Error: " prefix is dropped: the
// document parsed fine, it is only too big.
const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

export const operationLimitRules: ValidationRule[] = [
  maxDepthRule({ n: OPERATION_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reportAsValidationError }),
  maxAliasesRule({ n: OPERATION_LIMITS.maxAliases, ...reportAsValidationError }),
];
