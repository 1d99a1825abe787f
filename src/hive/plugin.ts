// useSs12000Gateway: everything the Apollo gateway (src/gateway/gateway-server.ts) does around the query
// plan, as one Hive Gateway plugin over the same engine-free pieces, so Hive Gateway serves the committed
// supergraph with the same guarantees: suppliers authenticated from the same suppliers file, the caller
// signed onto every subgraph request, operation limits, cost budget, rate limit and documents by id per
// supplier, introspection and GET /sdl from the supplier's contract, the same error codes and audit line.
// Field permissions and row scopes need nothing here: the subgraphs enforce them on the signed caller.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Authenticator, SuppliersConfig } from '../auth';
import { createAuditLogger } from '../gateway/audit-log';
import { createContracts, supergraphEntityTypes } from '../gateway/contract-schema';
import { createPersistedDocuments } from '../gateway/persisted-documents';
import type { RateLimiter } from '../gateway/rate-limit';
import type { SharedStore } from '../state';
import { useGatewayAnswer } from './answer';
import { useOperationGuards } from './operation-guards';
import { useSignedCaller } from './signed-caller';
import { useSubgraphFailures } from './subgraph-failures';
import { useSupplierGate } from './supplier-gate';

export interface Ss12000GatewayOptions {
  /** The supergraph SDL Hive serves (its entity types decide which fields a contract keeps). */
  supergraphSdl: string;
  /** Who may call: credentials → Caller (startSupplierAuth: the suppliers file, hot-reloaded). */
  authenticator: Authenticator;
  /** The suppliers config in force (each supplier's trusted documents). */
  suppliers?: () => SuppliersConfig;
  /** Whether the organisation tree is known; until it is, unit-scoped suppliers get UPSTREAM_UNAVAILABLE. */
  organisationTreeKnown?: () => boolean;
  /** The HMAC secret shared with the subgraphs (CALLER_SIGNING_SECRET). */
  callerSecret: string;
  /** Connected by the owner (createRateLimiter(store).connect()), closed by it. */
  rateLimiter: RateLimiter;
  /** State the gateway's replicas share (APQ registrations): connected and closed by the owner (createSharedStore). */
  store: SharedStore;
  /** Where audit lines go (default: stdout). */
  audit?: Logger;
  /** Deadline of one request, every subgraph call included, in ms (default 5000). */
  requestTimeoutMs?: number;
}

/** The plugins, in order (spread them into Hive's `plugins`): the gate first, the signing last. */
export const useSs12000Gateway = (options: Ss12000GatewayOptions): GatewayPlugin[] => {
  const audit = options.audit ?? createAuditLogger();
  const contracts = createContracts(supergraphEntityTypes(options.supergraphSdl));
  const documents = createPersistedDocuments({
    store: options.store,
    trustedDocuments: (supplier) => options.suppliers?.().byName.get(supplier)?.trustedDocuments,
  });
  let apiSchema: GraphQLSchema | undefined;
  return [
    { onSchemaChange: ({ schema }) => void (apiSchema = schema) },
    useSupplierGate({
      authenticator: options.authenticator,
      rateLimiter: options.rateLimiter,
      audit,
      contracts,
      apiSchema: () => apiSchema,
      organisationTreeKnown: options.organisationTreeKnown,
      requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    }),
    useOperationGuards({ contracts, documents }),
    useGatewayAnswer({ audit }),
    useSignedCaller({ callerSecret: options.callerSecret }),
    useSubgraphFailures(),
  ];
};
