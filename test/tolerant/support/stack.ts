// The whole gateway (four subgraphs, real HTTP) over the hand-written real-world producers of rows.ts.
import { startGatewayStack, type GatewayStack, type ProducerTuning } from '../../../src/gateway/stack';
import type { ProducerConfig } from '../../../src/sources';
import { metricsRegistry } from '../../../src/observability/metrics';
import type { ProducerName } from '../../../src/ss12000/resources';
import { testAudit, type GraphQLResponse } from '../../support/e2e';
import { startRealProducer, type RealProducer, type RealProducerOptions } from './real-producer';

export interface RealStackOptions {
  /** The producers the municipality has (left out: not configured at all). */
  producers: Partial<Record<ProducerName, RealProducerOptions>>;
  settings?: Partial<Record<ProducerName, Partial<ProducerConfig>>>;
  tuning?: Partial<ProducerTuning>;
}

export interface RealStack {
  producers: Partial<Record<ProducerName, RealProducer>>;
  gateway: GatewayStack;
  query<T = Record<string, unknown>>(document: string, apiKey?: string): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export const TUNING: ProducerTuning = { timeoutMs: 5_000, maxBatchSize: 100, pageSize: 100, maxConcurrency: 4 };

export async function startRealStack(options: RealStackOptions): Promise<RealStack> {
  const producers: Partial<Record<ProducerName, RealProducer>> = {};
  for (const [name, producerOptions] of Object.entries(options.producers) as [ProducerName, RealProducerOptions][]) {
    producers[name] = await startRealProducer(producerOptions);
  }
  const closeProducers = () => Promise.all(Object.values(producers).map((producer) => producer.close()));
  let gateway: GatewayStack;
  try {
    gateway = await startGatewayStack({
      producers: Object.fromEntries(
        Object.entries(producers).map(([name, producer]) => [name, { url: producer.url, token: producer.token }]),
      ),
      tuning: { ...TUNING, ...options.tuning },
      producerSettings: options.settings,
      audit: testAudit(),
    });
  } catch (error) {
    await closeProducers();
    throw error;
  }
  return {
    producers,
    gateway,
    query: async <T>(document: string, apiKey = 'demo-full-key') => {
      const response = await fetch(gateway.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ query: document }),
      });
      return (await response.json()) as GraphQLResponse<T>;
    },
    close: async () => {
      await gateway.close();
      await closeProducers();
    },
  };
}

/** producer_payload_violations_total for one label set (0 when never counted). */
export async function violations(producer: string, path: string, rule: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('producer_payload_violations_total')?.get();
  const found = metric?.values.find(
    (value) => value.labels['producer'] === producer && value.labels['path'] === path && value.labels['rule'] === rule,
  );
  return found?.value ?? 0;
}
