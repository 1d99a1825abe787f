// The gateway: every request authenticated against the suppliers config, @apollo/gateway executing
// query plans against the subgraphs over real HTTP (the caller signed onto each), introspection and
// GET /sdl answered from the caller's contract schema, one audit line per request.
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Authenticator, Caller, SuppliersConfig } from '../auth';
import { createAdminAuthenticator, type AdminFile } from '../auth/admin-auth';
import { withDeadline } from '../sources/shared/deadline';
import { createAdminApi } from './admin/admin-api';
import type { KeyUsage } from './admin/key-usage';
import { consolePages } from './admin/console-pages';
import type { ListenConfig } from '../config/gateway-config';
import { logger } from '../config/logger';
import { NOTIFICATIONS_PATH, type NotificationAnswer, type NotificationRequest } from '../changes/notifications';
import { auditPlugin, auditRateLimited, auditUnauthenticated, createAuditLogger } from './audit-log';
import { contractIntrospectionPlugin } from './contract-introspection';
import { createCorsPolicy, type CorsConfig } from './cors';
import { createContracts, supergraphEntityTypes } from './contract-schema';
import { formatGatewayError } from './format-error';
import { graphiqlPages, type PageResponder } from './graphiql';
import { INVALID_IDEMPOTENCY_KEY, withIdempotencyKey } from './idempotency-key';
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
import { createSharedStore, type SharedStore } from '../state';

export interface GatewayServerOptions {
  /** Composed supergraph SDL; its subgraph URLs are ignored in favour of `subgraphUrls`. */
  supergraphSdl: string;
  /** Per subgraph name (the four producers' and `changes`). */
  subgraphUrls: Readonly<Record<string, string>>;
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
  /** State the gateway's replicas share (APQ registrations), owned by the caller; a memory store of this server's own when absent. */
  shared?: SharedStore;
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
  /** Producers' webhooks (POST /ss12000/notifications/<producer>), answered before supplier authentication. */
  notifications?: (request: NotificationRequest) => NotificationAnswer;
  /** Browser origins allowed to call /graphql and /sdl (gateway.cors in the config); none when not given. */
  cors?: CorsConfig;
  /** The console and its admin API (/console, /admin/api/); not served without. */
  console?: ConsoleOptions;
}

export interface ConsoleOptions {
  /** Who may sign in (the gateway config's `admin` block); nobody without one. */
  admins: AdminFile | undefined;
  /** The suppliers file the gateway was started with: the console's edits are written there. */
  suppliersPath: string;
  /** Where the built console is (dist/web/console). */
  root: string;
  /** Last use of each supplier key (fed by the authenticator's onUse). */
  keyUsage: KeyUsage;
  /** Environment variables: the overview tells whether a supplier's webhook secret is set, never its value. */
  variables?: Readonly<Record<string, string | undefined>>;
}

// The answer must leave by the deadline: this much of it is kept for assembling the answer.
const ASSEMBLY_MARGIN_MS = 100;

/** The answer to a unit-scoped supplier while the organisation tree is not known (both engines). */
export const TREE_UNKNOWN: TextResponse = {
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
      const url = options.subgraphUrls[name];
      if (url === undefined) throw new Error(`The supergraph names subgraph "${name}", which has no URL configured.`);
      return new SubgraphDataSource(name, url, options.callerSecret, fetcher.fetch);
    },
  });
  const audit = options.audit ?? createAuditLogger();
  const ownStore = options.shared === undefined ? createSharedStore() : undefined;
  const shared = options.shared ?? ownStore!;
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
      // Apollo's landing pages load from a CDN; browsers get the bundled GraphiQL instead (graphiql.ts).
      ApolloServerPluginLandingPageDisabled(),
      { serverWillStart: async () => ({ schemaDidLoadOrUpdate: ({ apiSchema: schema }) => void (apiSchema = schema) }) },
      persistedDocumentsPlugin({
        store: shared,
        trustedDocuments: (supplier) => options.suppliers?.().byName.get(supplier)?.trustedDocuments,
      }),
      operationResolutionPlugin,
      contractIntrospectionPlugin(contracts),
      auditPlugin(audit),
      operationCostPlugin(),
    ],
  });
  const cors = createCorsPolicy(options.cors ?? { allowedOrigins: [] });
  const graphiql = graphiqlPages();
  if (!graphiql.app.built) logger.warn('GraphiQL is not built (npm run build:web): / answers 404');
  const deadline = (): number => Date.now() + Math.max(1, (options.requestTimeoutMs ?? 5_000) - ASSEMBLY_MARGIN_MS);
  const refuse = (caller: Caller): TextResponse | undefined =>
    caller.units !== 'all' && options.organisationTreeKnown?.() === false ? TREE_UNKNOWN : undefined;
  // The console's graph requests: the same server, plugins, contract and audit as /graphql, with the
  // caller the admin API established (never a credential of the supplier it shows).
  const execute = async (caller: Caller, body: unknown): Promise<{ status: number; body: string }> => {
    const refused = refuse(caller);
    if (refused) return { status: refused.status, body: refused.body };
    const result = await withDeadline(deadline(), () =>
      server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body },
        context: async () => ({ caller }),
      }),
    );
    let text = '';
    if (result.body.kind === 'complete') text = result.body.string;
    else for await (const chunk of result.body.asyncIterator) text += chunk;
    return { status: result.status ?? 200, body: text };
  };
  const handlers = [];
  if (options.console) {
    const callerOf = options.authenticator.callerOf?.bind(options.authenticator);
    handlers.push(
      createAdminApi({
        admins: await createAdminAuthenticator(options.console.admins),
        suppliersPath: options.console.suppliersPath,
        suppliers: () => options.suppliers?.() ?? { source: '', suppliers: [], byName: new Map(), files: [] },
        callerOf: (name) => callerOf?.(name) ?? null,
        execute,
        contract: (scopes, writes) => apiSchema && contracts(apiSchema, scopes, writes),
        webhookSecretSet: (variable) => Boolean(options.console?.variables?.[variable]),
        audit,
        keyUsage: options.console.keyUsage,
      }),
    );
  }
  const consoleFiles = options.console && consolePages(options.console.root);
  const pages: PageResponder = async (request, pathname) => (await consoleFiles?.(request, pathname)) ?? graphiql(request, pathname);
  const rateLimiter = createRateLimiter(options.rateLimit);
  await rateLimiter.connect();
  const front = await startHttpFront<GatewayContext>({
    server,
    service: 'gateway',
    listen: options.listen,
    context: async (request) => {
      const caller = await options.authenticator.authenticate(request.headers);
      if (!caller) return null;
      const keyed = withIdempotencyKey(caller, request.headers);
      return keyed === 'invalid' ? { caller, badIdempotencyKey: true } : { caller: keyed };
    },
    onUnauthenticated: () => auditUnauthenticated(audit),
    pages,
    cors,
    metricsToken: options.metricsToken,
    admit: async ({ caller }) => {
      const admission = await rateLimiter.admit(caller.supplier, caller.limits?.rateLimit);
      if (admission.admitted) return undefined;
      auditRateLimited(audit, caller.supplier);
      return rateLimitedResponse(admission);
    },
    readiness: options.breakers && readinessOf({ breakers: options.breakers, organisationTreeKnown: options.organisationTreeKnown }),
    deadline,
    refuse: ({ caller, badIdempotencyKey }) => (badIdempotencyKey ? INVALID_IDEMPOTENCY_KEY : refuse(caller)),
    handlers,
    stopGracePeriodMs: options.shutdownGraceMs,
    webhooks: options.notifications && {
      prefix: NOTIFICATIONS_PATH,
      receive: (request) => ({ contentType: 'application/json; charset=utf-8', ...options.notifications!(request) }),
    },
    routes: {
      '/sdl': ({ caller }) => {
        if (!apiSchema) return { status: 503, contentType: 'text/plain; charset=utf-8', body: 'The schema is not loaded yet.\n' };
        return { status: 200, contentType: 'text/plain; charset=utf-8', body: contracts(apiSchema, caller.scopes, caller.writes).sdl };
      },
    },
  }).catch(async (error: unknown) => {
    await rateLimiter.close();
    await ownStore?.close();
    throw error;
  });
  return {
    url: new URL('graphql', front.url).toString(),
    close: async () => {
      await server.stop();
      await fetcher.close();
      await rateLimiter.close();
      await ownStore?.close();
    },
  };
}
