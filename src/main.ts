// The one composition root. `npm start` runs the embedded default (demo producers, subgraphs and
// gateway in this process); `--config <file>` or GATEWAY_CONFIG runs the deployed shape: the gateway only.
import 'reflect-metadata';
import { readArgs } from './config/args';
import { readEnv } from './config/env';
import { loadConfig } from './config/load-config';
import { logger } from './config/logger';
import { generateMunicipality } from './demo/generator';
import { startEmbeddedStack } from './gateway/embedded';
import { startDeployedGateway } from './gateway/deployed';
import { closeOnSignals } from './gateway/shutdown';
import { PRODUCERS } from './ss12000/resources';

const USAGE = 'node dist/src/main.js [--config <gateway.yaml>]';

const EXAMPLE_QUERY = `{
  organisations(first: 3, type: [SKOLENHET]) {
    edges { node { displayName groups(groupType: [KLASS]) { displayName groupMemberships { person { givenName familyName } } } } }
  }
}`;

async function runDeployed(configPath: string): Promise<void> {
  const env = readEnv();
  const gateway = await startDeployedGateway(await loadConfig(configPath, env.variables));
  closeOnSignals(() => gateway.close());
  logger.info({ url: gateway.url, subgraphs: gateway.subgraphUrls }, 'gateway ready');
}

async function runEmbedded(): Promise<void> {
  const env = readEnv();
  const dataset = generateMunicipality();
  const stack = await startEmbeddedStack({ dataset, gateway: { host: '127.0.0.1', port: env.port } });
  closeOnSignals(() => stack.close());
  const producers = Object.fromEntries(PRODUCERS.map((name) => [name, stack.producers[name].url]));
  logger.info({ dataset: dataset.description, producers, subgraphs: stack.subgraphUrls }, 'embedded demo running');
  process.stdout.write(`\nGateway ready at ${stack.gatewayUrl}\n\nTry:\n  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' \\\n    -d '${JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') })}'\n\n`);
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2), USAGE);
  const configPath = args.configPath ?? readEnv().configPath;
  if (args.positionals.length > 0) throw new Error(`unexpected argument ${args.positionals[0]}\nusage: ${USAGE}`);
  await (configPath === undefined ? runEmbedded() : runDeployed(configPath));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
