// The e2e stack every graph test uses: generator → demo producers → four subgraphs → gateway, all
// real HTTP on random loopback ports.
//
//   const stack = await startE2E({ students: 300 });
//   const { data, errors } = await stack.query(`{ persons(first: 5) { edges { node { id } } } }`);
//   stack.producers.register.stats();   // what reached the producer
//   await stack.close();
//
// Requests authenticate as the demo-full supplier of config/suppliers.yaml unless `apiKey` (per stack
// or per query; null = no credentials) says otherwise.
import { type Logger, pino } from 'pino';
import { readEnv } from '../../src/config/env';
import { generateMunicipality } from '../../src/demo/generator';
import type { Dataset } from '../../src/demo/dataset';
import type { RateLimitStore } from '../../src/gateway/rate-limit';
import { startEmbeddedStack, type EmbeddedOptions, type EmbeddedStack, type ProducerTuning } from '../../src/gateway/embedded';
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
  /** Demo-producer faults from the start. */
  faults?: EmbeddedOptions['faults'];
  /** Gateway request deadline in ms (default here 60000; the product's default is 5000). */
  requestTimeoutMs?: number;
  /** First retry delay of a failed organisation-tree read, in ms. */
  organisationTreeRetryMs?: number;
  /** How long close() lets requests in flight finish. */
  shutdownGraceMs?: number;
  /**
   * Start this process's tracing with the stack (as main.ts does), stopped by close(): `endpoint` is the
   * OTLP/HTTP traces URL, without one ids are made and propagated but nothing is exported.
   */
  tracing?: { endpoint?: string };
}

export interface QueryOptions {
  /** Send this key instead of the stack's; null sends no credentials. */
  apiKey?: string | null;
}

/**
 * The audit logger of a test that does not read audit lines: at the level the logs run at (quiet,
 * unless LOG_LEVEL is set: quiet-logs.ts). The gateway's own default audit logger always writes.
 */
export const testAudit = (): Logger => pino({ name: 'audit', base: undefined, level: readEnv().logLevel });

export const DEMO_KEYS = { full: 'demo-full-key', lms: 'demo-lms-key', analytics: 'demo-analytics-key', attendance: 'demo-attendance-key' } as const;

export interface GraphQLResponse<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface E2E extends EmbeddedStack {
  dataset: Dataset;
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
    options.dataset ??
    generateMunicipality({ seed: options.seed, students: options.students, studentsPerUnit: options.studentsPerUnit });
  const tracing = options.tracing && startTracing({ serviceName: 'gateway', endpoint: options.tracing.endpoint });
  const stack = await startEmbeddedStack({
    dataset,
    tuning: options.tuning,
    maxLookupKeys: options.maxLookupKeys,
    suppliersPath: options.suppliersPath,
    audit: options.audit ?? testAudit(),
    fieldPermissions: options.fieldPermissions,
    aliasSecret: options.aliasSecret,
    metricsToken: options.metricsToken,
    rateLimit: options.rateLimit,
    faults: options.faults,
    // Tests share two loaded cores: a deadline of its own only where a test is about deadlines.
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    organisationTreeRetryMs: options.organisationTreeRetryMs,
    shutdownGraceMs: options.shutdownGraceMs,
  }).catch(async (error: unknown) => {
    await tracing?.shutdown();
    throw error;
  });
  const defaultKey = options.apiKey ?? DEMO_KEYS.full;
  return {
    ...stack,
    dataset,
    tracing,
    close: async () => {
      await stack.close();
      await tracing?.shutdown();
    },
    query: async <TData>(document: string, variables?: Record<string, unknown>, queryOptions: QueryOptions = {}) => {
      const apiKey = queryOptions.apiKey === undefined ? defaultKey : queryOptions.apiKey;
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }) },
        body: JSON.stringify({ query: document, variables }),
      });
      return { status: response.status, ...((await response.json()) as GraphQLResponse<TData>) };
    },
  };
}
