// Child process: the four subgraphs and the gateway over the producers, with tracing as argv[2] (JSON)
// says: 'off' (never started), 'ids' (started without an endpoint) or 'export' (to `endpoint`).
// Tracing is per process (src/observability/tracing.ts), hence one process per mode.
// Parent ↔ child over IPC: the child sends { gatewayUrl }, and exits on 'stop'.
import 'reflect-metadata';
import { pino } from 'pino';
import { DEMO_TUNING } from '../../src/gateway/embedded';
import { startGatewayStack } from '../../src/gateway/stack';
import { startTracing, type Tracing } from '../../src/observability/tracing';
import type { ProducerName } from '../../src/ss12000/resources';
import type { ProducerEndpoint } from '../shared/producers-process';

export type TracingMode = 'off' | 'ids' | 'export';

export interface TracingStackSettings {
  producers: Record<ProducerName, ProducerEndpoint>;
  mode: TracingMode;
  /** The OTLP/HTTP traces URL, for 'export'. */
  endpoint?: string;
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2]!) as TracingStackSettings;
  let tracing: Tracing | undefined;
  if (settings.mode !== 'off')
    tracing = startTracing({ serviceName: 'gateway', endpoint: settings.mode === 'export' ? settings.endpoint : undefined });
  const stack = await startGatewayStack({
    producers: settings.producers,
    tuning: DEMO_TUNING,
    // Audit lines are written as in production, only not into the table.
    audit: pino(pino.destination('/dev/null')),
    // Three stacks and their load share a busy machine: a request is measured, never cut at the 5 s default.
    requestTimeoutMs: 60_000,
  });
  process.on('message', (message) => {
    if (message === 'stop')
      void stack
        .close()
        .then(() => tracing?.shutdown())
        .then(() => process.exit(0));
  });
  process.send!({ gatewayUrl: stack.gatewayUrl });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
