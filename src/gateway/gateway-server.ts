// The gateway: every request authenticated against the suppliers config, @apollo/gateway executing
// query plans against the subgraphs over real HTTP (the caller signed onto each), introspection and
// GET /sdl answered from the caller's contract schema, one audit line per request.
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Authenticator, SuppliersConfig } from '../auth';
import type { ListenConfig } from '../config/gateway-config';
import { logger } from '../config/logger';
import type { ProducerName } from '../ss12000/resources';
import { auditPlugin, auditRateLimited, auditUnauthenticated, createAuditLogger } from './audit-log';
import { contractIntrospectionPlugin } from './contract-introspection';
import { createContracts, supergraphEntityTypes } from './contract-schema';
import { formatGatewayError } from './format-error';
import { operationCostPlugin } from './operation-cost';
import { OPERATION_LIMITS, operationLimitRules } from './operation-limits';
import { knownOperationTypesRule, operationResolutionPlugin } from './operation-resolution';
import { persistedDocumentsPlugin } from './persisted-documents';
import { createRateLimiter, rateLimitedResponse, type RateLimitStore } from './rate-limit';
import type { GatewayContext } from './gateway-context';
import { startHttpFront, type TextResponse } from './http-server';
import { readinessOf, type ReadinessSources } from '../observability/readiness';
import type { ErrorCode } from '../resolvers/shared/errors';
import { SubgraphDataSource } from './subgraph-data-source';
import { createSubgraphFetcher } from './subgraph-fetcher';
import type { RunningServer } from './subgraph-server';

export interface GatewayServerOptions {
  /** Composed supergraph SDL; its subgraph URLs are ignored in favour of `subgraphUrls`. */
  supergraphSdl: string;
  subgraphUrls: Record<ProducerName, string>;
  listen: ListenConfig;
  /** Who may call: credentials → Caller (suppliers config, hot-reloaded by its owner). */
  authenticator: Authenticator;
  /** The suppliers config in force (each supplier's trusted documents); without it no supplier has any. */
  suppliers?: () => SuppliersConfig;
  /** The HMAC secret shared with the subgraphs (at least 32 bytes). */
  callerSecret: string;
  /** Where audit lines go (default: a pino logger on stdout). */
  audit?: Logger;
  /** Bearer token of GET /metrics; not served without one. */
  metricsToken?: string;
  /** Where the per-supplier rate-limit counters live (Redis when `redisUrl` is given, else memory). */
  rateLimit?: RateLimitStore;
  /** Deadline of one request, every subgraph and producer call included, in ms (default 5000). */
  requestTimeoutMs?: number;
  /** The producers' circuit breakers, for GET /readyz (with organisationTreeKnown). */
  breakers?: ReadinessSources['breakers'];
  /**
   * Whether the organisation tree unit scopes expand over is known; until it is, a supplier limited to
   * some units gets UPSTREAM_UNAVAILABLE (never an answer narrowed to nothing). Always known without one.
   */
  organisationTreeKnown?: () => boolean;
  /** How long stopping lets requests in flight finish, in ms (default 10000). */
  shutdownGraceMs?: number;
}

// The answer must leave by the deadline: this much of it is kept for assembling the answer.
const ASSEMBLY_MARGIN_MS = 100;

const TREE_UNKNOWN: TextResponse = {
  status: 503,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({
    errors: [
      {
        message: 'The register producer is unavailable: the school units this supplier may see are not known yet.',
        extensions: { code: 'UPSTREAM_UNAVAILABLE' satisfies ErrorCode, producer: 'register' },
      },
    ],
  }),
};

export async function startGatewayServer(options: GatewayServerOptions): Promise<RunningServer> {
  const fetcher = createSubgraphFetcher();
  const gateway = new ApolloGateway({
    logger,
    supergraphSdl: options.supergraphSdl,
    // Spans (plan, execute, one per subgraph fetch) go to the process's tracer provider (observability/tracing.ts),
    // without the document or exceptions: either can hold a value a caller sent.
    telemetry: { includeDocument: false, recordExceptions: false },
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name as ProducerName];
      if (url === undefined) throw new Error(`The supergraph names subgraph "${name}", which has no URL configured.`);
      return new SubgraphDataSource(name, url, options.callerSecret, fetcher.fetch);
    },
  });
  const audit = options.audit ?? createAuditLogger();
  const contracts = createContracts(supergraphEntityTypes(options.supergraphSdl));
  let apiSchema: GraphQLSchema | undefined;
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    // Validation runs against the full API schema: its "Did you mean 'civicNo'?" would name fields the
    // supplier's contract schema hides.
    hideSchemaDetailsFromClientErrors: true,
    validationRules: [...operationLimitRules, knownOperationTypesRule],
    // Per supplier, in persistedDocumentsPlugin: Apollo's one cache would tell a supplier what another ran.
    persistedQueries: false,
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    logger,
    // main.ts owns shutdown (closeOnSignals): Apollo would otherwise stop itself and re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [
      { serverWillStart: async () => ({ schemaDidLoadOrUpdate: ({ apiSchema: schema }) => void (apiSchema = schema) }) },
      persistedDocumentsPlugin({ trustedDocuments: (supplier) => options.suppliers?.().byName.get(supplier)?.trustedDocuments }),
      operationResolutionPlugin,
      contractIntrospectionPlugin(contracts),
      auditPlugin(audit),
      operationCostPlugin(),
    ],
  });
  const rateLimiter = createRateLimiter(options.rateLimit);
  await rateLimiter.connect();
  const front = await startHttpFront<GatewayContext>({
    server,
    service: 'gateway',
    listen: options.listen,
    context: async (request) => {
      const caller = await options.authenticator.authenticate(request.headers);
      return caller ? { caller } : null;
    },
    onUnauthenticated: () => auditUnauthenticated(audit),
    metricsToken: options.metricsToken,
    admit: async ({ caller }) => {
      const admission = await rateLimiter.admit(caller.supplier, caller.limits?.rateLimit);
      if (admission.admitted) return undefined;
      auditRateLimited(audit, caller.supplier);
      return rateLimitedResponse(admission);
    },
    readiness: options.breakers && readinessOf({ breakers: options.breakers, organisationTreeKnown: options.organisationTreeKnown }),
    deadline: () => Date.now() + Math.max(1, (options.requestTimeoutMs ?? 5_000) - ASSEMBLY_MARGIN_MS),
    refuse: ({ caller }) => (caller.units !== 'all' && options.organisationTreeKnown?.() === false ? TREE_UNKNOWN : undefined),
    stopGracePeriodMs: options.shutdownGraceMs,
    routes: {
      '/sdl': ({ caller }) => {
        if (!apiSchema) return { status: 503, contentType: 'text/plain; charset=utf-8', body: 'The schema is not loaded yet.\n' };
        return { status: 200, contentType: 'text/plain; charset=utf-8', body: contracts(apiSchema, caller.scopes).sdl };
      },
    },
  }).catch(async (error: unknown) => {
    await rateLimiter.close();
    throw error;
  });
  return {
    url: new URL('graphql', front.url).toString(),
    close: async () => {
      await server.stop();
      await fetcher.close();
      await rateLimiter.close();
    },
  };
}
