// Hive Gateway in front of the deployed subgraphs, with the useSs12000Gateway plugin: the same config
// file, suppliers file and environment as the Apollo gateway (src/main.ts, deployed shape).
//   CALLER_SIGNING_SECRET=… REGISTER_TOKEN=… node dist/src/hive/serve.js --config config/gateway.example.yaml
import 'reflect-metadata';
import { readArgs } from '../config/args';
import { readEnv } from '../config/env';
import { loadConfig } from '../config/load-config';
import { logger } from '../config/logger';
import { closeOnSignals } from '../gateway/shutdown';
import { startDeployedHiveGateway } from './deployed';

const USAGE = 'node dist/src/hive/serve.js --config <gateway.yaml>';

// Hive's own logger (@graphql-hive/logger) reads LOG_LEVEL as well and throws on pino's other levels.
const HIVE_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
type HiveLevel = (typeof HIVE_LEVELS)[number];
const isHiveLevel = (level: string): level is HiveLevel => (HIVE_LEVELS as readonly string[]).includes(level);

async function main(): Promise<void> {
  const env = readEnv();
  const args = readArgs(process.argv.slice(2), USAGE);
  if (args.positionals.length > 0) throw new Error(`unexpected argument ${args.positionals[0]}\nusage: ${USAGE}`);
  const configPath = args.configPath ?? env.configPath;
  if (configPath === undefined) throw new Error(`a config file is required (--config or GATEWAY_CONFIG)\nusage: ${USAGE}`);
  if (env.callerSecret === undefined)
    throw new Error('the gateway needs CALLER_SIGNING_SECRET: it signs the caller it forwards to the subgraphs.');
  if (!isHiveLevel(env.logLevel))
    throw new Error(`Hive Gateway reads LOG_LEVEL too and accepts only ${HIVE_LEVELS.join(', ')}; got "${env.logLevel}".`);
  const config = await loadConfig(configPath, env.variables, 'gateway');
  const gateway = await startDeployedHiveGateway(config, {
    suppliersPath: env.suppliersPath,
    callerSecret: env.callerSecret,
    metricsToken: env.metricsToken,
    rateLimit: { redisUrl: env.redisUrl },
    hiveLogging: env.logLevel === 'trace' ? 'debug' : env.logLevel,
  });
  closeOnSignals(() => gateway.close(), config.gateway.shutdownGraceMs);
  logger.info({ url: gateway.url, subgraphs: gateway.subgraphUrls, engine: 'hive-gateway' }, 'gateway ready');
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
