// The four subgraphs and the gateway on loopback, over producers that already run (in this
// process or another). The embedded demo, the e2e tests and the benchmarks all start exactly this.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { MemoryChangeStore, startChangeService, type ChangeStore, type NotificationAuth } from '../changes';
import { PgChangeStore } from '../changes/pg/pg-store';
import type { ChangeTiming } from '../changes/service';
import type { ListenConfig } from '../config/gateway-config';
import type { AdminFile } from '../auth/admin-auth';
import { CONSOLE_ROOT, DEFAULT_SUPPLIERS_PATH } from '../config/paths';
import { createKeyUsage } from './admin/key-usage';
import { createSourceClients, fetchOrganisationTree, type ProducerConfig, type SourcesConfig } from '../sources';
import { PRODUCERS, type ProducerName } from '../ss12000/resources';
import { createAuditLogger } from './audit-log';
import { composeSupergraph } from './compose';
import type { CorsConfig } from './cors';
import { startGatewayServer } from './gateway-server';
import { createIdempotencyStore, type IdempotencyStoreOptions } from './idempotency-store';
import type { RateLimitStore } from './rate-limit';
import { startSubgraphServer, type RunningServer } from './subgraph-server';
import { generateCallerSecret, startSupplierAuth } from './supplier-auth';
import { SUBGRAPHS, type SubgraphName } from './subgraph-names';
import { buildSubgraphSchemas, subgraphSdl } from './subgraphs';
import { createSharedStore, type SharedStateConfig } from '../state';

export type ProducerTuning = Pick<
  ProducerConfig,
  | 'timeoutMs'
  | 'maxBatchSize'
  | 'pageSize'
  | 'maxConcurrency'
  | 'summarySource'
  | 'maxAttempts'
  | 'breakerFailures'
  | 'breakerHalfOpenAfterMs'
>;

/** Where a producer answers and the bearer token it wants. */
export interface ProducerEndpoint {
  url: string;
  token: string;
}

export interface GatewayStackOptions {
  /** Any subset: a producer left out answers UPSTREAM_UNSUPPORTED (sources/shared/capabilities.ts). */
  producers: Partial<Record<ProducerName, ProducerEndpoint>>;
  tuning: ProducerTuning;
  /** Per-producer settings over `tuning` (strict, timeZone, capabilities …). */
  producerSettings?: Partial<Record<ProducerName, Partial<ProducerConfig>>>;
  /** Gateway address; port 0 = random. Default 127.0.0.1:0. */
  gateway?: Partial<ListenConfig>;
  validatePayloads?: boolean;
  /** Suppliers file (default config/suppliers.yaml), watched for changes. */
  suppliersPath?: string;
  /** Gateway↔subgraph signing secret; a random one when not given. */
  callerSecret?: string;
  /** Key of protected persons' alias names (sources/scope/alias.ts); random, so aliases last one process, when not given. */
  aliasSecret?: string;
  /** TEST/BENCHMARK ONLY: 'off' serves every field to every authenticated caller. */
  fieldPermissions?: 'enforce' | 'off';
  /** Where the gateway's audit lines, and the attendance subgraph's write lines, go (default stdout). */
  audit?: Logger;
  /** Where the attendance subgraph keeps idempotency keys (memory unless a Redis URL is given) and for how long. */
  idempotency?: IdempotencyStoreOptions;
  /** Bearer token of GET /metrics on the gateway and the subgraphs; not served without one. */
  metricsToken?: string;
  /** Where the gateway's per-supplier rate-limit counters live (Redis or, by default, memory). */
  rateLimit?: RateLimitStore;
  /** Where the state replicas share lives (summary snapshots, APQ): Redis when `redisUrl` is given, else memory. */
  sharedState?: SharedStateConfig;
  /** Deadline of one gateway request, every subgraph and producer call included, in ms (default 5000). */
  requestTimeoutMs?: number;
  /** How long closing lets requests in flight finish, in ms (default 10000). */
  shutdownGraceMs?: number;
  /** First delay before the organisation tree is read again after a failed read, in ms (default 1000). */
  organisationTreeRetryMs?: number;
  /** Browser origins allowed to call the gateway (none when not given). */
  cors?: CorsConfig;
  /** Who may sign in to the console at /console (admin key digests, admin JWT); without it the console serves nobody. */
  admins?: AdminFile;
  /**
   * The change feed's producer side (subscriptions, polling, supplier webhooks). Without it the
   * `changes` field is served from an empty feed and no producer is subscribed to.
   */
  changes?: ChangeFeedOptions;
}

export interface ChangeFeedOptions {
  /** PostgreSQL (DATABASE_URL): the feed survives restarts. Memory when absent. */
  databaseUrl?: string;
  /** How each producer's webhooks are verified; a random token per producer (in its target URL) when not given. */
  notificationAuth?: Partial<Record<ProducerName, NotificationAuth>>;
  /** Environment variables the suppliers' webhook secrets are read from. */
  variables?: Readonly<Record<string, string | undefined>>;
  timing?: Partial<ChangeTiming>;
}

export interface GatewayStack {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** The change feed's store (tests look at pending deliveries). */
  changeStore: ChangeStore;
  /** How each producer's changes are learned (subscription or polling); empty without `changes`. */
  changeModes(): Partial<Record<ProducerName, 'subscription' | 'polling'>>;
  /** The signing secret subgraphs verify (tests sign their own direct subgraph requests with it). */
  callerSecret: string;
  close(): Promise<void>;
}

const LOOPBACK: ListenConfig = { host: '127.0.0.1', port: 0 };

export async function startGatewayStack(options: GatewayStackOptions): Promise<GatewayStack> {
  const closers: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    // Front to back: gateway, then subgraphs, then what they call.
    for (const closeOne of closers.reverse()) await closeOne();
  };
  try {
    const config = Object.fromEntries(
      PRODUCERS.flatMap((name) => {
        const endpoint = options.producers[name];
        if (endpoint === undefined) return [];
        return [
          [
            name,
            {
              ...options.tuning,
              ...options.producerSettings?.[name],
              baseUrl: endpoint.url,
              auth: { kind: 'bearer', token: endpoint.token },
            },
          ],
        ];
      }),
    ) as SourcesConfig;
    const sourceClients = createSourceClients(config, {
      validatePayloads: options.validatePayloads ?? true,
      aliasSecret: options.aliasSecret,
    });
    closers.push(() => sourceClients.close());
    const callerSecret = options.callerSecret ?? generateCallerSecret();
    // One store for the stack: its gateway's APQ and its attendance subgraph's snapshots, as separate processes would each have.
    const shared = createSharedStore(options.sharedState);
    closers.push(() => shared.close());
    await shared.connect();
    const suppliersPath = options.suppliersPath ?? DEFAULT_SUPPLIERS_PATH;
    const keyUsage = createKeyUsage();
    const auth = await startSupplierAuth(suppliersPath, () => fetchOrganisationTree(sourceClients), {
      treeRetryMs: options.organisationTreeRetryMs,
      onUse: keyUsage.record,
    });
    closers.push(async () => auth.close());
    const audit = options.audit ?? createAuditLogger();
    const idempotency = createIdempotencyStore(options.idempotency);
    await idempotency.connect();
    closers.push(() => idempotency.close());
    const changeStore = options.changes?.databaseUrl ? await PgChangeStore.open(options.changes.databaseUrl) : new MemoryChangeStore();
    const notificationAuth =
      options.changes?.notificationAuth ??
      Object.fromEntries(
        PRODUCERS.map((name) => [name, { kind: 'token', token: randomBytes(24).toString('base64url') } satisfies NotificationAuth]),
      );
    const changes = startChangeService({
      store: changeStore,
      sourceClients,
      notificationAuth,
      suppliers: auth.config,
      callerOf: auth.callerOf,
      variables: options.changes?.variables ?? {},
      cursorSecret: options.aliasSecret,
      timing: options.changes?.timing,
    });
    closers.push(() => changes.close());
    const schemas = await buildSubgraphSchemas();
    const subgraphs = {} as Record<SubgraphName, RunningServer>;
    for (const name of SUBGRAPHS) {
      subgraphs[name] = await startSubgraphServer({
        name,
        schema: schemas[name],
        sourceClients,
        listen: LOOPBACK,
        callerSecret,
        fieldPermissions: options.fieldPermissions,
        metricsToken: options.metricsToken,
        shutdownGraceMs: options.shutdownGraceMs,
        shared,
        cursorSecret: options.aliasSecret,
        // Only attendance has mutations (its producer is the one SS 12000 lets clients write to).
        ...(name === 'attendance' ? { writes: { idempotency, audit } } : {}),
        context: name === 'changes' ? { changeFeed: { store: changes.store, cursors: changes.cursors } } : undefined,
      });
      closers.push(() => subgraphs[name].close());
    }
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphs[name].url])) as Record<SubgraphName, string>;
    const supergraphSdl = composeSupergraph(SUBGRAPHS.map((name) => ({ name, url: subgraphUrls[name], sdl: subgraphSdl(schemas[name]) })));
    const gateway = await startGatewayServer({
      supergraphSdl,
      subgraphUrls,
      listen: { ...LOOPBACK, ...options.gateway },
      authenticator: auth.authenticator,
      suppliers: auth.config,
      callerSecret,
      audit,
      metricsToken: options.metricsToken,
      rateLimit: options.rateLimit,
      shared,
      requestTimeoutMs: options.requestTimeoutMs,
      shutdownGraceMs: options.shutdownGraceMs,
      cors: options.cors,
      organisationTreeKnown: auth.organisationTreeKnown,
      breakers: () => sourceClients.breakers(),
      console: { admins: options.admins, suppliersPath, root: CONSOLE_ROOT, keyUsage, variables: options.changes?.variables },
      notifications: (request) => changes.receive(request),
    });
    closers.push(() => gateway.close());
    if (options.changes) await changes.start(new URL('/', gateway.url).toString());
    return { gatewayUrl: gateway.url, subgraphUrls, callerSecret, changeStore, changeModes: () => changes.modes(), close };
  } catch (error) {
    await close();
    throw error;
  }
}
