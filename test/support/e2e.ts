// The e2e stack every graph test uses: generator → demo producers → four subgraphs → gateway, all
// real HTTP on random loopback ports.
//
//   const stack = await startE2E({ students: 300 });
//   const { data, errors } = await stack.query(`{ persons(first: 5) { edges { node { id } } } }`);
//   stack.producers.register.stats();   // what reached the producer
//   const replica = await startReplica(stack, { sharedState: { redisUrl } });   // a second gateway stack, same producers
//   await replica.close(); await stack.close();
//
// Requests authenticate as the demo-full supplier of config/suppliers.yaml unless `apiKey` (per stack
// or per query; null = no credentials) says otherwise.
import { type Logger, pino } from 'pino';
import { readEnv } from '../../src/config/env';
import { generateMunicipality } from '../../src/demo/generator';
import type { Dataset } from '../../src/demo/dataset';
import type { CorsConfig } from '../../src/gateway/cors';
import type { RateLimitStore } from '../../src/gateway/rate-limit';
import { DEMO_TUNING, startEmbeddedStack, type EmbeddedOptions, type EmbeddedStack, type ProducerTuning } from '../../src/gateway/embedded';
import { startGatewayStack, type GatewayStack } from '../../src/gateway/stack';
import type { SharedStateConfig } from '../../src/state';
import { DEFAULT_SUPPLIERS_PATH } from '../../src/config/paths';
import { gatewayEngine, startHiveFront, type GatewayEngine } from './engine';
import { startTracing, type Tracing } from '../../src/observability/tracing';

export interface E2EOptions {
  /** Reuse a dataset (generating one is the slow part); otherwise one is generated. */
  dataset?: Dataset;
  /** Passed to generateMunicipality when no dataset is given. */
  students?: number;
  seed?: number;
  studentsPerUnit?: number;
  /** Source settings towards the demo producers (maxBatchSize, pageSize …). */
  tuning?: Partial<ProducerTuning>;
  /** Most keys one demo-producer lookup accepts. */
  maxLookupKeys?: number;
  /** The key requests send by default (config/suppliers.yaml); demo-full-key when not given. */
  apiKey?: string;
  /** Suppliers file; config/suppliers.yaml when not given. */
  suppliersPath?: string;
  /** Where the gateway's audit lines go (default: nowhere). */
  audit?: Logger;
  /** TEST/BENCHMARK ONLY: 'off' disables field permissions in the subgraphs. */
  fieldPermissions?: 'enforce' | 'off';
  /** Key of protected persons' alias names; random per stack when not given. */
  aliasSecret?: string;
  /** Bearer token of GET /metrics; not served without one. */
  metricsToken?: string;
  /** Where the gateway keeps its rate-limit counters (memory unless a Redis URL is given). */
  rateLimit?: RateLimitStore;
  /** Where summary snapshots and APQ registrations live (memory unless a Redis URL is given). */
  sharedState?: SharedStateConfig;
  /** Where the attendance subgraph keeps idempotency keys (memory unless a Redis URL is given). */
  idempotency?: EmbeddedOptions['idempotency'];
  /** Demo-producer faults from the start. */
  faults?: EmbeddedOptions['faults'];
  /** Gateway request deadline in ms (default here 60000; the product's default is 5000). */
  requestTimeoutMs?: number;
  /** First retry delay of a failed organisation-tree read, in ms. */
  organisationTreeRetryMs?: number;
  /** How long close() lets requests in flight finish. */
  shutdownGraceMs?: number;
  /** Browser origins allowed to call the gateway (the embedded demo's loopback origins when not given). */
  cors?: CorsConfig;
  /** Who may sign in to the console (test/console/support.ts has the test administrators). */
  admins?: EmbeddedOptions['admins'];
  /** The change feed's producer side (subscriptions, polling, supplier webhooks); off when not given. */
  changes?: EmbeddedOptions['changes'];
  /** The gateway in front of the subgraphs (default: gatewayEngine(), see ./engine.ts). */
  engine?: GatewayEngine;
  /**
   * Start this process's tracing with the stack (as main.ts does), stopped by close(): `endpoint` is the
   * OTLP/HTTP traces URL, without one ids are made and propagated but nothing is exported.
   */
  tracing?: { endpoint?: string };
}

export interface QueryOptions {
  /** Send this key instead of the stack's; null sends no credentials. */
  apiKey?: string | null;
  /** Extra request headers (an Idempotency-Key, say). */
  headers?: Record<string, string>;
}

/**
 * The audit logger of a test that does not read audit lines: at the level the logs run at (quiet,
 * unless LOG_LEVEL is set: quiet-logs.ts). The gateway's own default audit logger always writes.
 */
export const testAudit = (): Logger => pino({ name: 'audit', base: undefined, level: readEnv().logLevel });

export const DEMO_KEYS = {
  full: 'demo-full-key',
  lms: 'demo-lms-key',
  analytics: 'demo-analytics-key',
  attendance: 'demo-attendance-key',
} as const;

export interface GraphQLResponse<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface E2E extends EmbeddedStack {
  dataset: Dataset;
  /** The engine `gatewayUrl` is served by. */
  engine: GatewayEngine;
  /** With the `tracing` option: exports the spans ended so far. */
  tracing?: Pick<Tracing, 'flush'>;
  /** POST the document to the gateway; the HTTP status is in `status` for tests that care. */
  query<TData = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
    options?: QueryOptions,
  ): Promise<GraphQLResponse<TData> & { status: number }>;
}

export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  const dataset =
    options.dataset ?? generateMunicipality({ seed: options.seed, students: options.students, studentsPerUnit: options.studentsPerUnit });
  const audit = options.audit ?? testAudit();
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const tracing = options.tracing && startTracing({ serviceName: 'gateway', endpoint: options.tracing.endpoint });
  const embedded = await startEmbeddedStack({
    dataset,
    tuning: options.tuning,
    maxLookupKeys: options.maxLookupKeys,
    suppliersPath: options.suppliersPath,
    audit,
    fieldPermissions: options.fieldPermissions,
    aliasSecret: options.aliasSecret,
    metricsToken: options.metricsToken,
    rateLimit: options.rateLimit,
    sharedState: options.sharedState,
    idempotency: options.idempotency,
    faults: options.faults,
    // Tests share two loaded cores: a deadline of its own only where a test is about deadlines.
    requestTimeoutMs,
    organisationTreeRetryMs: options.organisationTreeRetryMs,
    shutdownGraceMs: options.shutdownGraceMs,
    cors: options.cors,
    admins: options.admins,
    changes: options.changes,
  }).catch(async (error: unknown) => {
    await tracing?.shutdown();
    throw error;
  });
  const engine = options.engine ?? gatewayEngine();
  let stack: EmbeddedStack = embedded;
  if (engine === 'hive') {
    // Hive Gateway in front of the same subgraphs (the embedded Apollo gateway stays up, unused).
    const hive = await startHiveFront({
      ...embedded,
      suppliersPath: options.suppliersPath ?? DEFAULT_SUPPLIERS_PATH,
      audit,
      rateLimit: options.rateLimit,
      requestTimeoutMs,
    }).catch(async (error: unknown) => {
      await embedded.close();
      throw error;
    });
    stack = {
      ...embedded,
      gatewayUrl: hive.url,
      close: async () => {
        await hive.close();
        await embedded.close();
      },
    };
  }
  return {
    ...stack,
    dataset,
    engine,
    tracing,
    close: async () => {
      await stack.close();
      await tracing?.shutdown();
    },
    query: queryFor(stack, options.apiKey ?? DEMO_KEYS.full),
  };
}

const queryFor =
  (stack: GatewayStack, defaultKey: string): E2E['query'] =>
  async <TData>(document: string, variables?: Record<string, unknown>, queryOptions: QueryOptions = {}) => {
    const apiKey = queryOptions.apiKey === undefined ? defaultKey : queryOptions.apiKey;
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
        ...queryOptions.headers,
      },
      body: JSON.stringify({ query: document, variables }),
    });
    return { status: response.status, ...((await response.json()) as GraphQLResponse<TData>) };
  };

export type ReplicaOptions = Pick<
  E2EOptions,
  'tuning' | 'apiKey' | 'suppliersPath' | 'audit' | 'aliasSecret' | 'metricsToken' | 'rateLimit' | 'sharedState' | 'requestTimeoutMs'
> & {
  /** CALLER_SIGNING_SECRET, as replicas of one deployment share it (default: a new one). */
  callerSecret?: string;
};

/**
 * Another replica beside `of`: its own four subgraphs and gateway (as another process would have) over
 * the SAME demo producers, so their stats count both replicas' reads. Closing it leaves the producers to `of`.
 */
export async function startReplica(of: E2E, options: ReplicaOptions = {}): Promise<E2E> {
  const stack = await startGatewayStack({
    producers: of.producers,
    tuning: { ...DEMO_TUNING, ...options.tuning },
    suppliersPath: options.suppliersPath,
    audit: options.audit ?? testAudit(),
    aliasSecret: options.aliasSecret,
    metricsToken: options.metricsToken,
    rateLimit: options.rateLimit,
    sharedState: options.sharedState,
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    ...(options.callerSecret === undefined ? {} : { callerSecret: options.callerSecret }),
  });
  return {
    ...stack,
    producers: of.producers,
    dataset: of.dataset,
    engine: 'apollo',
    query: queryFor(stack, options.apiKey ?? DEMO_KEYS.full),
  };
}
