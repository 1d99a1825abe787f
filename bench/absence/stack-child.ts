// Child process: the four subgraphs and the gateway over the producers named in argv[2] (JSON).
// Parent ↔ child over IPC: the child sends { gatewayUrl }; answers 'rss' with its peak RSS and
// exits on 'stop'. The gateway runs alone here so its peak RSS is its own.
import 'reflect-metadata';
import { DEFAULT_SUPPLIERS_PATH } from '../../src/config/paths';
import { composeSupergraph } from '../../src/gateway/compose';
import { startGatewayServer } from '../../src/gateway/gateway-server';
import { startSubgraphServer, type RunningServer } from '../../src/gateway/subgraph-server';
import { generateCallerSecret, startSupplierAuth } from '../../src/gateway/supplier-auth';
import { buildSubgraphSchemas, subgraphSdl } from '../../src/gateway/subgraphs';
import { createSourceClients, type SourcesConfig } from '../../src/sources';
import { PRODUCERS, type ProducerName } from '../../src/ss12000/resources';
import { pino } from 'pino';
import type { StackSettings } from './stack-process';

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2]!) as StackSettings;
  const config = Object.fromEntries(
    PRODUCERS.map((name) => [
      name,
      { ...settings.tuning, baseUrl: settings.endpoints[name].url, auth: { kind: 'bearer', token: settings.endpoints[name].token } },
    ]),
  ) as SourcesConfig;
  const clients = createSourceClients(config, { validatePayloads: settings.validatePayloads });
  // The demo suppliers; the benchmark calls as demo-analytics (units: all), so no organisation tree is needed.
  const auth = await startSupplierAuth(DEFAULT_SUPPLIERS_PATH, () => []);
  const callerSecret = generateCallerSecret();
  const schemas = await buildSubgraphSchemas();
  const listen = { host: '127.0.0.1', port: 0 };
  const subgraphs = {} as Record<ProducerName, RunningServer>;
  for (const name of PRODUCERS) {
    subgraphs[name] = await startSubgraphServer({ name, schema: schemas[name], sourceClients: clients, listen, callerSecret });
  }
  const subgraphUrls = Object.fromEntries(PRODUCERS.map((name) => [name, subgraphs[name].url])) as Record<ProducerName, string>;
  const supergraphSdl = composeSupergraph(PRODUCERS.map((name) => ({ name, url: subgraphUrls[name], sdl: subgraphSdl(schemas[name]) })));
  const gateway = await startGatewayServer({
    supergraphSdl,
    subgraphUrls,
    listen,
    authenticator: auth.authenticator,
    callerSecret,
    audit: pino({ level: 'silent' }),
  });
  process.on('message', (message) => {
    if (message === 'rss') process.send!({ maxRssKiB: process.resourceUsage().maxRSS });
    if (message === 'stop') {
      void (async () => {
        await gateway.close();
        for (const name of PRODUCERS) await subgraphs[name].close();
        await clients.close();
        auth.close();
        process.exit(0);
      })();
    }
  });
  process.send!({ gatewayUrl: gateway.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
