// One subgraph as its own HTTP service against real producers, from the same config file as the gateway:
//   node dist/src/subgraph-main.js register --config config/gateway.yaml
// `changes` is the change feed's process: the changes subgraph, the producers' subscriptions and webhooks,
// the polling and the suppliers' webhooks (src/gateway/deployed-changes.ts), over PostgreSQL (DATABASE_URL).
import 'reflect-metadata';
import { readArgs } from './config/args';
import { readEnv, readTracingEnv } from './config/env';
import { loadConfig } from './config/load-config';
import { logger } from './config/logger';
import { SHARES_STATE } from './config/shared-state';
import { closeOnSignals } from './gateway/shutdown';
import { DATABASE_URL_REQUIRED, startDeployedChanges } from './gateway/deployed-changes';
import { startDeployedSubgraph } from './gateway/deployed-subgraph';
import { startProcessTracing } from './observability/tracing';
import type { RunningServer } from './gateway/subgraph-server';
import { PRODUCERS, type ProducerName } from './ss12000/resources';

const NAMES: readonly (ProducerName | 'changes')[] = [...PRODUCERS, 'changes'];
const USAGE = `node dist/src/subgraph-main.js <${NAMES.join('|')}> --config <gateway.yaml>`;

async function main(): Promise<void> {
  const env = readEnv();
  const args = readArgs(process.argv.slice(2), USAGE);
  const name = args.positionals[0] as ProducerName | 'changes' | undefined;
  if (name === undefined || !NAMES.includes(name) || args.positionals.length > 1) throw new Error(`usage: ${USAGE}`);
  const configPath = args.configPath ?? env.configPath;
  if (configPath === undefined) throw new Error(`a config file is required (--config or GATEWAY_CONFIG)\nusage: ${USAGE}`);
  if (env.callerSecret === undefined)
    throw new Error(`the ${name} subgraph needs CALLER_SIGNING_SECRET: it serves only callers the gateway signed.`);
  // Resolved for this subgraph: only the secrets of the producers it calls (src/config/producer-calls.ts).
  // Before the config: without a database nothing else is worth checking.
  if (name === 'changes' && env.databaseUrl === undefined) throw new Error(DATABASE_URL_REQUIRED);
  const config = await loadConfig(configPath, env.variables, name);
  const sharedState = SHARES_STATE.has(name) ? { redisUrl: env.redisUrl } : undefined;
  const tracing = startProcessTracing(`subgraph-${name}`, readTracingEnv());
  const server: RunningServer =
    name === 'changes'
      ? await startDeployedChanges(config, {
          callerSecret: env.callerSecret,
          aliasSecret: env.aliasSecret,
          databaseUrl: env.databaseUrl,
          suppliersPath: env.suppliersPath,
          variables: env.variables,
          metricsToken: env.metricsToken,
          sharedState,
        })
      : await startDeployedSubgraph(name, config, {
          callerSecret: env.callerSecret,
          aliasSecret: env.aliasSecret,
          metricsToken: env.metricsToken,
          sharedState,
        });
  closeOnSignals(async () => {
    await server.close();
    await tracing.shutdown();
  }, config.gateway.shutdownGraceMs);
  logger.info({ subgraph: name, url: server.url }, 'subgraph ready');
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
