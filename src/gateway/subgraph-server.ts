// One subgraph as an HTTP service: @apollo/server behind the HTTP front, a SubgraphContext per
// request. A request without a valid signed caller (signed for this subgraph and this body, within
// the minute, not seen before: src/auth/signed-caller.ts) is refused with 401 before anything runs; that
// includes `_service { sdl }`: composition here reads the SDL in process (embedded) or from the
// committed schema/*.graphql (deployed), so nothing needs the unsigned introspection a subgraph
// would otherwise hand to anyone who can reach it.
import { randomBytes } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { NOTIFICATIONS_PATH, type NotificationAnswer, type NotificationRequest } from '../changes/notifications';
import { isCallerHeaderError, verifySubgraphRequest, type CallerHeaderError } from '../auth';
import type { ListenConfig } from '../config/gateway-config';
import { logger } from '../config/logger';
import type { SubgraphContext, WriteServices } from '../resolvers/shared/context';
import { formatSubgraphError } from '../resolvers/shared/errors';
import { payloadErrorsPlugin, guardPayloadFields } from '../resolvers/shared/payload-errors';
import { enforceFieldPermissions } from '../resolvers/shared/permissions';
import { rowScopeFor } from '../resolvers/shared/row-scope';
import type { SourceClients } from '../sources';
import type { SubgraphName } from './subgraph-names';
import { signatureLedger } from './signature-ledger';
import { startHttpFront } from './http-server';
import { readinessOf } from '../observability/readiness';
import { deadlineFromHeader, DEADLINE_HEADER } from '../sources/shared/deadline';
import { Seal, sealKey } from '../lib/seal';
import { createSharedStore, type SharedStore } from '../state';

export interface RunningServer {
  /** e.g. http://127.0.0.1:40123/graphql */
  readonly url: string;
  close(): Promise<void>;
}

export interface SubgraphServerOptions {
  name: SubgraphName;
  /** Taken over: field permissions wrap its resolvers in place. */
  schema: GraphQLSchema;
  /** Long-lived clients; `forRequest()` gives each GraphQL request its own loaders. */
  sourceClients: SourceClients;
  listen: ListenConfig;
  /** The HMAC secret shared with the gateway (at least 32 bytes). */
  callerSecret: string;
  /** TEST/BENCHMARK ONLY: 'off' serves every field to any signed caller. */
  fieldPermissions?: 'enforce' | 'off';
  /** Bearer token of GET /metrics; not served without one. */
  metricsToken?: string;
  /** How long stopping lets requests in flight finish, in ms (default 10000). */
  shutdownGraceMs?: number;
  /** State the replicas of this subgraph share (summary snapshots), owned by the caller; a memory store of this server's own when absent. */
  shared?: SharedStore;
  /**
   * Key of the cursors resolvers seal themselves (ALIAS_SECRET: every replica the same, so each opens the
   * others' cursors); random, so cursors last one process, when absent.
   */
  cursorSecret?: string;
  /** For a subgraph with mutations (attendance): the idempotency store and the write audit log. Owned by the caller. */
  writes?: WriteServices;
  /** Added to every request's context (the changes subgraph: its feed). */
  context?: Readonly<Record<string, unknown>>;
  /**
   * Producers' webhooks (POST /ss12000/notifications/<producer>), answered before (and without) the signed
   * caller: the deployed changes process, whose address the producers are given.
   */
  notifications?: (request: NotificationRequest) => NotificationAnswer;
}

// A subgraph answers, with what it has, this much before the gateway's deadline (at most a tenth of the budget).
const ANSWER_MARGIN_MS = 250;

export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningServer> {
  // Before the permission guards: the tolerant reader's dropped rows and unreadable values as field errors.
  guardPayloadFields(options.schema);
  const enforced = options.fieldPermissions === 'off' ? undefined : enforceFieldPermissions(options.schema);
  const server = new ApolloServer<SubgraphContext>({
    schema: enforced?.schema ?? options.schema,
    formatError: formatSubgraphError,
    includeStacktraceInErrorResponses: false,
    logger,
    // main.ts owns shutdown (closeOnSignals): Apollo would otherwise stop itself and re-raise the signal.
    stopOnTerminationSignals: false,
    // Inline traces are for Apollo Studio, which this project does not report to.
    // Cache control is on by default and wraps every field resolver to collect hints nobody reads here
    // (no @cacheControl, no CDN): about a fifth of a 600-student school-unit query (bench/graph).
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      payloadErrorsPlugin,
      ...(enforced ? [enforced.plugin] : []),
    ],
  });
  const ownStore = options.shared === undefined ? createSharedStore() : undefined;
  const shared = options.shared ?? ownStore!;
  const cursorSeal = new Seal(sealKey(options.cursorSecret ?? randomBytes(32).toString('hex'), 'ss12000-resolver-cursor'));
  // Signatures this subgraph (and, with Redis, every replica of it) has accepted, refused when presented again.
  const seen = signatureLedger(shared, options.name);
  const front = await startHttpFront<SubgraphContext>({
    server,
    service: `subgraph-${options.name}`,
    listen: options.listen,
    metricsToken: options.metricsToken,
    readiness: readinessOf({ breakers: () => options.sourceClients.breakers() }),
    deadline: (request) => deadlineFromHeader(request.headers[DEADLINE_HEADER], ANSWER_MARGIN_MS),
    stopGracePeriodMs: options.shutdownGraceMs,
    // The signature covers the body: read (at most 2 MiB, else 413) before anything is decided.
    bodyFirst: true,
    webhooks: options.notifications && {
      prefix: NOTIFICATIONS_PATH,
      receive: (request) => ({ contentType: 'application/json; charset=utf-8', ...options.notifications!(request) }),
    },
    context: async (request, body) => {
      // Only a POST body is signed: a GET's operation would travel unsigned in the URL.
      const verified: Awaited<ReturnType<typeof verifySubgraphRequest>> =
        request.method === 'POST' && body
          ? await verifySubgraphRequest(
              { headers: request.headers, subgraph: options.name, body: body.text, parsedBody: body.body },
              options.callerSecret,
              { seen },
            )
          : ({ error: 'missing' } satisfies CallerHeaderError);
      if (isCallerHeaderError(verified)) {
        logger.warn({ subgraph: options.name, reason: verified.error }, 'subgraph request without a valid signed caller refused');
        return null;
      }
      return {
        ...options.context,
        sources: options.sourceClients.forRequest(rowScopeFor(verified)),
        caller: verified,
        shared,
        cursorSeal,
        ...(options.writes ? { writes: options.writes } : {}),
      };
    },
  });
  return {
    url: new URL('graphql', front.url).toString(),
    close: async () => {
      await server.stop();
      await ownStore?.close();
    },
  };
}
