// The e2e stack every graph test uses: generator → demo producers → four subgraphs → gateway, all
// real HTTP on random loopback ports.
//
//   const stack = await startE2E({ students: 300 });
//   const { data, errors } = await stack.query(`{ persons(first: 5) { edges { node { id } } } }`);
//   stack.producers.register.stats();   // what reached the producer
//   await stack.close();
import { generateMunicipality } from '../../src/demo/generator';
import type { Dataset } from '../../src/demo/dataset';
import { startEmbeddedStack, type EmbeddedStack, type ProducerTuning } from '../../src/gateway/embedded';

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
}

export interface GraphQLResponse<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface E2E extends EmbeddedStack {
  dataset: Dataset;
  /** POST the document to the gateway; the HTTP status is in `status` for tests that care. */
  query<TData = Record<string, unknown>>(document: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<TData> & { status: number }>;
}

export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  const dataset =
    options.dataset ??
    generateMunicipality({ seed: options.seed, students: options.students, studentsPerUnit: options.studentsPerUnit });
  const stack = await startEmbeddedStack({ dataset, tuning: options.tuning, maxLookupKeys: options.maxLookupKeys });
  return {
    ...stack,
    dataset,
    query: async <TData>(document: string, variables?: Record<string, unknown>) => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: document, variables }),
      });
      return { status: response.status, ...((await response.json()) as GraphQLResponse<TData>) };
    },
  };
}
