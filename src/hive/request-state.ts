// What the Hive plugin knows about one request, from the moment its supplier is authenticated
// (onRequest) to its audit line (onResponse). Keyed by the Fetch Request every Yoga and Mesh hook can
// reach (`request`, or `context.request`), so no hook depends on another's context shape.
import type { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Caller } from '../auth';
import type { PricedOperation } from '../gateway/operation-cost';

export interface HiveRequestState {
  caller: Caller;
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** Epoch ms by which every subgraph call must be answered. */
  deadline: number;
  /** The sha256 of the document when the request named one (APQ or a trusted document). */
  documentId?: string;
  /** Set once the operation validated: the audit line lists its `Type.field`s. */
  resolved?: { schema: GraphQLSchema; document: DocumentNode };
  operation?: OperationDefinitionNode | null;
  operationName?: string | null;
  priced?: PricedOperation;
  /** The refusal of a document sent by id (persisted-documents.ts), answered instead of running anything. */
  refusal?: GraphQLError;
  /** Stores the APQ text once the operation validated (persisted-documents.ts). */
  registerDocument?: () => Promise<unknown>;
  /** The answer as sent (errors formatted), for the audit line. */
  result?: ExecutionResult;
}

const states = new WeakMap<Request, HiveRequestState>();

export const requestStates = {
  set: (request: Request, state: HiveRequestState): void => void states.set(request, state),
  get: (request: Request | undefined): HiveRequestState | undefined => (request ? states.get(request) : undefined),
};
