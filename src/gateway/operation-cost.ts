// The cost of an operation, computed from the document and its variables before anything is planned or
// fetched, and refused above the supplier's budget. The depth and alias limits (operation-limits.ts)
// bound the shape of a document; they do not bound what it multiplies out to: `persons(first: 200)` →
// groupMemberships → group → groupMemberships → person → … is 12 fields deep, and the outside review
// (issue 10) saw it take 15 s and 220 MB, and 30 aliased `absenceSummary` calls take 29 s.
//
// The cost model: roughly, how many objects the answer can hold, plus a weight for fields that are
// expensive to compute whatever they return.
//   - A scalar or enum field costs nothing; an object field costs 1 plus what is selected under it.
//   - A list multiplies: each of its elements costs 1 plus what is selected under it.
//       · A connection (a field with a `first` argument) holds `first` rows (50 when not given, at
//         most 1000, as the subgraphs page; COST_MODEL): it costs 1, plus
//         `first` × what is selected under it. Its `edges` are those rows, not another multiplier;
//         `pageInfo` is free. (Everything else selected on the connection, e.g. absenceSummary's
//         `total`, is counted once per row: a slight overestimate, kept for simplicity.)
//       · Any other list is assumed to hold 10 elements (COST_MODEL.assumedListSize), or the size ASSUMED_LIST_SIZES
//         names for lists known to differ (a class's members, a student's lessons over a term, a
//         student's guardians).
//   - FIELD_WEIGHTS adds a fixed cost to fields whose work does not show in what they return:
//     `absenceSummary` folds every /aggregatedAttendance row of the caller's units (about a second of
//     producer work for a municipality), however few rows it answers; at 2,000 an operation holds at
//     most 9 of them within the default budget.
//   - Introspection (`__schema`, `__type`) costs nothing; `@skip`/`@include` are honoured; where a
//     selection differs per possible type (fragments on an interface or union), the dearest counts.
// Computed by graphql-query-complexity's getComplexity with one estimator (this file), which also
// caps the nodes it evaluates (fragment spreads reused many times) at 10,000.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  getOperationAST,
  isLeafType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { Counter } from 'prom-client';
import { metricsRegistry } from '../observability/metrics';
import type { Caller } from '../auth';
import type { GatewayContext } from './gateway-context';

export const COST_MODEL = {
  /** What an operation may cost when the supplier's `costBudget` does not say otherwise. */
  defaultBudget: 20_000,
  /** Rows a connection holds without `first` (the subgraphs' default page). */
  connectionDefaultFirst: 50,
  /** Most rows a connection holds (the subgraphs refuse a larger `first`). */
  connectionMaxFirst: 1000,
  /** Elements assumed in a list that takes no `first`. */
  assumedListSize: 10,
} as const;

/** Lists known to run longer (or shorter) than COST_MODEL.assumedListSize, by `Type.field`. */
const ASSUMED_LIST_SIZES: Readonly<Record<string, number>> = {
  'Person.responsibles': 3, // a student's guardians
  'Group.groupMemberships': 30, // a class or teaching group
  'Organisation.groups': 50, // a school unit's classes and teaching groups
  'Person.attendances': 200, // a student's lessons over a term
  'Activity.calendarEvents': 40, // an activity's lessons over a term
  'CalendarEvent.attendances': 30, // a lesson's students
  'CalendarEvent.rooms': 2, // a lesson's rooms
  'CalendarEvent.expectedStudents': 30, // a lesson's students
  'Person.enrolments': 2, // a student's school (rarely two)
  'Duty.assignmentRole': 2, // the groups a duty mentors or serves
  'Group.duties': 3, // a group's mentors and other assigned staff
  'Group.mentors': 2,
  'Person.placements': 2, // a child's förskola or fritidshem
  'Placement.attendanceSchedules': 2, // the schedule and perhaps a temporary one
  'Person.attendanceEvents': 50, // check-ins and check-outs
  'Person.calendarEvents': 40, // a window's lessons (the window is required)
  'Room.calendarEvents': 40,
};

/** Fixed cost of fields whose work does not show in the rows they return, by `Type.field`. */
const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Query.absenceSummary': 2000,
};

const fieldCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  const named = getNamedType(field.type);
  const coordinate = `${type.name}.${field.name}`;
  const weight = FIELD_WEIGHTS[coordinate] ?? 0;
  if (isLeafType(named) || named.name === 'PageInfo') return weight;
  if (field.args.some((arg) => arg.name === 'first')) {
    const first = typeof args['first'] === 'number' ? args['first'] : COST_MODEL.connectionDefaultFirst;
    const rows = Math.min(Math.max(first, 0), COST_MODEL.connectionMaxFirst);
    return weight + 1 + rows * childComplexity;
  }
  // A connection's edges are its rows, already multiplied by `first` above.
  const isPage = type.name.endsWith('Connection');
  const elements = isListType(getNullableType(field.type)) && !isPage ? (ASSUMED_LIST_SIZES[coordinate] ?? COST_MODEL.assumedListSize) : 1;
  return weight + elements * (1 + childComplexity);
};

export interface CostRequest {
  document: DocumentNode;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | null | undefined;
}

/**
 * The operation's cost under the model above, or undefined when its variables do not coerce: those the
 * gateway refuses itself, in its own words, before it plans anything. Throws a GraphQLError
 * (BAD_USER_INPUT, HTTP 400) when the cost cannot be computed otherwise (more than 10,000 nodes to
 * evaluate): an operation nobody can price does not run.
 */
export function operationCost(schema: GraphQLSchema, request: CostRequest): number | undefined {
  const variables = request.variables ?? {};
  const operation = getOperationAST(request.document, request.operationName ?? undefined);
  if (operation && getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return undefined;
  try {
    return getComplexity({
      schema,
      query: request.document,
      variables,
      operationName: request.operationName ?? undefined,
      estimators: [fieldCost],
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GraphQLError(`The operation's cost cannot be computed: ${message}`, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
}

/** The refusal of an operation over budget: 400, BAD_USER_INPUT, naming both figures. */
const overBudget = (cost: number, budget: number): GraphQLError =>
  new GraphQLError(
    `The operation costs ${cost}, more than this supplier's budget of ${budget}. Ask for fewer rows (first), fewer nested lists or fewer aliases; extensions.cost of an answer shows what an operation costs.`,
    { extensions: { code: 'BAD_USER_INPUT', cost, budget, http: { status: 400 } } },
  );

/** Operations refused over budget, by supplier. */
const costRefusals = new Counter({
  name: 'gateway_cost_refusals_total',
  help: 'Operations refused because their cost was above the supplier budget, by supplier.',
  labelNames: ['supplier'] as const,
  registers: [metricsRegistry],
});

export interface PricedOperation {
  cost: number;
  budget: number;
}

/**
 * The operation's cost against the caller's budget (their `costBudget`, else COST_MODEL.defaultBudget),
 * with the refusal (400, BAD_USER_INPUT) to answer when it is over; undefined when its variables do not
 * coerce. Engine-free: the Apollo plugin below and the Hive plugin (src/hive) call it.
 */
export function priceOperation(
  schema: GraphQLSchema,
  request: CostRequest,
  caller: Pick<Caller, 'supplier' | 'limits'>,
): { priced: PricedOperation; refusal?: GraphQLError } | undefined {
  const budget = caller.limits?.costBudget ?? COST_MODEL.defaultBudget;
  const cost = operationCost(schema, request);
  if (cost === undefined) return undefined;
  if (cost <= budget) return { priced: { cost, budget } };
  costRefusals.inc({ supplier: caller.supplier });
  return { priced: { cost, budget }, refusal: overBudget(cost, budget) };
}

/**
 * Prices each operation once it is parsed, validated and resolved (variables known), before the
 * gateway plans or fetches anything; refuses it over the caller's budget (their `costBudget`, else
 * COST_MODEL.defaultBudget). Every answer, refusals included, carries `extensions.cost: { cost, budget }`.
 */
export const operationCostPlugin = (): ApolloServerPlugin<GatewayContext> => ({
  requestDidStart: async () => {
    let priced: PricedOperation | undefined;
    return {
      didResolveOperation: async ({ document, request, operationName, schema, contextValue }) => {
        const outcome = priceOperation(schema, { document, variables: request.variables, operationName }, contextValue.caller);
        priced = outcome?.priced;
        if (outcome?.refusal) throw outcome.refusal;
      },
      willSendResponse: async ({ response }) => {
        if (priced && response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: priced };
        }
      },
    };
  },
});
