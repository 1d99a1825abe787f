// SourcesConfig for tests: every producer points at `url` unless a test says otherwise.
import type { ProducerConfig, SourcesConfig } from '../../../src/sources';
import type { ProducerName } from '../../../src/ss12000/resources';

export const producerConfig = (baseUrl: string, overrides: Partial<ProducerConfig> = {}): ProducerConfig => ({
  baseUrl,
  auth: { kind: 'bearer', token: 'test-token' },
  timeoutMs: 5_000,
  maxBatchSize: 100,
  pageSize: 100,
  maxConcurrency: 4,
  ...overrides,
});

export const sourcesConfig = (
  baseUrl: string,
  overrides: Partial<ProducerConfig> = {},
  perProducer: Partial<Record<ProducerName, Partial<ProducerConfig>>> = {},
): SourcesConfig => ({
  register: producerConfig(baseUrl, { ...overrides, ...perProducer.register }),
  schedule: producerConfig(baseUrl, { ...overrides, ...perProducer.schedule }),
  attendance: producerConfig(baseUrl, { ...overrides, ...perProducer.attendance }),
  grades: producerConfig(baseUrl, { ...overrides, ...perProducer.grades }),
});
