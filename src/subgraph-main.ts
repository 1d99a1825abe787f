// One subgraph as its own HTTP service against real producers, from the same config file as the gateway:
//   node dist/src/subgraph-main.js register --config config/gateway.yaml
import 'reflect-metadata';
import { readArgs } from './config/args';
import { readEnv } from './config/env';
import { loadConfig } from './config/load-config';
import { logger } from './config/logger';
import { closeOnSignals } from './gateway/shutdown';
import { startSubgraphServer } from './gateway/subgraph-server';
import { SUBGRAPH_BUILDERS } from './gateway/subgraphs';
import { createSourceClients } from './sources';
import { PRODUCERS, type ProducerName } from './ss12000/resources';

const USAGE = `node dist/src/subgraph-main.js <${PRODUCERS.join('|')}> --config <gateway.yaml>`;

async function main(): Promise<void> {
  const env = readEnv();
  const args = readArgs(process.argv.slice(2), USAGE);
  const name = args.positionals[0] as ProducerName | undefined;
  if (name === undefined || !PRODUCERS.includes(name) || args.positionals.length > 1) throw new Error(`usage: ${USAGE}`);
  const configPath = args.configPath ?? env.configPath;
  if (configPath === undefined) throw new Error(`a config file is required (--config or GATEWAY_CONFIG)\nusage: ${USAGE}`);
  if (env.callerSecret === undefined) throw new Error('CALLER_SIGNING_SECRET must be set: the subgraph serves only callers the gateway signed.');
  const config = await loadConfig(configPath, env.variables);
  // Each producer's clients are created: a subgraph calls its own producer, and attendance also reads
  // schedule's lessons and activities (lesson-dates.ts, the absence summary). Every subgraph process
  // must name a protected person alike: ALIAS_SECRET, else the signing secret they all share.
  const sourceClients = createSourceClients(config.producers, { validatePayloads: config.validatePayloads, aliasSecret: env.aliasSecret ?? env.callerSecret });
  const server = await startSubgraphServer({ name, schema: await SUBGRAPH_BUILDERS[name](), sourceClients, listen: config.subgraphs[name].listen, callerSecret: env.callerSecret, metricsToken: env.metricsToken, shutdownGraceMs: config.gateway.shutdownGraceMs });
  closeOnSignals(async () => {
    await server.close();
    await sourceClients.close();
  }, config.gateway.shutdownGraceMs);
  logger.info({ subgraph: name, url: server.url }, 'subgraph ready');
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
