// The embedded default: demo producers over a generated municipality, then the four subgraphs and
// the gateway over them, all on loopback. `npm start` and the e2e tests both run exactly this.
import { DEFAULT_MAX_LOOKUP_KEYS, startProducers, type FaultSettings, type RunningProducers } from '../demo/producers';
import type { ProducerName } from '../ss12000/resources';
import type { Dataset } from '../demo/dataset';
import type { CorsConfig } from './cors';
import { startGatewayStack, type GatewayStack, type GatewayStackOptions, type ProducerTuning } from './stack';

export type { ProducerTuning } from './stack';

export interface EmbeddedOptions extends Omit<GatewayStackOptions, 'producers' | 'tuning'> {
  dataset: Dataset;
  /** How the sources talk to the demo producers (DEMO_TUNING where not given). */
  tuning?: Partial<ProducerTuning>;
  /** Most keys one demo-producer lookup accepts (more is a 503). */
  maxLookupKeys?: number;
  /** Demo-producer faults from the start (tests: a register that is down while the gateway starts). */
  faults?: Partial<Record<ProducerName, Partial<FaultSettings>>>;
}

export interface EmbeddedStack extends GatewayStack {
  producers: RunningProducers['producers'];
}

// Lookups as large as the demo producers accept, so a reference level of up to that many ids is one request.
export const DEMO_TUNING: ProducerTuning = { timeoutMs: 5_000, maxBatchSize: DEFAULT_MAX_LOOKUP_KEYS, pageSize: 100, maxConcurrency: 8 };

// The demo runs on loopback for a developer: apps on their own machine (any port) may call it from a browser.
export const DEMO_CORS: CorsConfig = { allowedOrigins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'] };

export async function startEmbeddedStack(options: EmbeddedOptions): Promise<EmbeddedStack> {
  const { dataset, tuning, maxLookupKeys, faults, cors = DEMO_CORS, ...stackOptions } = options;
  const running = await startProducers({ dataset, maxLookupKeys, faults });
  try {
    // A lower producer limit lowers the batches with it, unless the caller sets them.
    const stack = await startGatewayStack({
      ...stackOptions,
      cors,
      producers: running.producers,
      tuning: { ...DEMO_TUNING, maxBatchSize: maxLookupKeys ?? DEMO_TUNING.maxBatchSize, ...tuning },
    });
    return {
      ...stack,
      producers: running.producers,
      close: async () => {
        await stack.close();
        await running.close();
      },
    };
  } catch (error) {
    await running.close();
    throw error;
  }
}
