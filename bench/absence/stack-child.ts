// Child process: the four subgraphs and the gateway over the producers named in argv[2] (JSON).
// Parent ↔ child over IPC: the child sends { gatewayUrl }; answers 'rss' with its peak RSS and
// exits on 'stop'. The gateway runs alone here so its peak RSS is its own.
import 'reflect-metadata';
import { pino } from 'pino';
import { startGatewayStack } from '../../src/gateway/stack';
import type { StackSettings } from './stack-process';

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2]!) as StackSettings;
  const stack = await startGatewayStack({
    producers: settings.endpoints,
    tuning: settings.tuning,
    validatePayloads: settings.validatePayloads,
    audit: pino({ level: 'silent' }),
    // A term's absence over 100,000 students takes ~20 s: far past the 5 s default request deadline.
    requestTimeoutMs: 10 * 60_000,
  });
  process.on('message', (message) => {
    if (message === 'rss') process.send!({ maxRssKiB: process.resourceUsage().maxRSS });
    if (message === 'stop') void stack.close().then(() => process.exit(0));
  });
  process.send!({ gatewayUrl: stack.gatewayUrl });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
