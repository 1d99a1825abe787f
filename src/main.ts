// The one composition root. `npm start` runs the embedded default (demo producers, subgraphs and
// gateway in this process); `--config <file>` or GATEWAY_CONFIG runs the deployed shape: the gateway only.
import 'reflect-metadata';
import { hashApiKey } from './auth';
import { readArgs } from './config/args';
import { readEnv, readTracingEnv } from './config/env';
import { loadConfig } from './config/load-config';
import { logger } from './config/logger';
import { startDeployedGateway } from './gateway/deployed';
import { startProcessTracing } from './observability/tracing';
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
  if (env.callerSecret === undefined)
    throw new Error('the gateway needs CALLER_SIGNING_SECRET: it signs the caller it forwards to the subgraphs.');
  // Resolved for the gateway: of the producers' secrets only the register's (the organisation tree, src/config/producer-calls.ts).
  const config = await loadConfig(configPath, env.variables, 'gateway');
  const tracing = startProcessTracing('gateway', readTracingEnv());
  const gateway = await startDeployedGateway(config, {
    suppliersPath: env.suppliersPath,
    callerSecret: env.callerSecret,
    metricsToken: env.metricsToken,
    rateLimit: { redisUrl: env.redisUrl },
    sharedState: { redisUrl: env.redisUrl },
  });
  closeOnSignals(async () => {
    await gateway.close();
    await tracing.shutdown();
  }, config.gateway.shutdownGraceMs);
  logger.info({ url: gateway.url, subgraphs: gateway.subgraphUrls }, 'gateway ready');
}

async function runEmbedded(): Promise<void> {
  // Loaded only here: the deployed gateway (and its container image) carries no demo code.
  const [{ generateMunicipality }, { startEmbeddedStack }] = await Promise.all([import('./demo/generator'), import('./gateway/embedded')]);
  const env = readEnv();
  const dataset = generateMunicipality();
  // One process: the gateway's service, and each subgraph and demo producer reported as its own.
  const tracing = startProcessTracing('gateway', readTracingEnv());
  const stack = await startEmbeddedStack({
    dataset,
    gateway: { host: '127.0.0.1', port: env.port },
    suppliersPath: env.suppliersPath,
    callerSecret: env.callerSecret,
    // Synthetic persons only: a key fixed per dataset keeps the demo's aliases across restarts.
    aliasSecret: env.aliasSecret ?? `demo-aliases:seed-${dataset.description.seed}`,
    metricsToken: env.metricsToken ?? DEMO_METRICS_TOKEN,
    rateLimit: { redisUrl: env.redisUrl },
    sharedState: { redisUrl: env.redisUrl },
    admins: { apiKeys: [{ name: 'demo-admin', sha256: hashApiKey(DEMO_ADMIN_KEY) }] },
    idempotency: { redisUrl: env.redisUrl },
    // Subscribed to the demo producers; suppliers' webhook secrets are `${NAME}` references into the environment.
    changes: { databaseUrl: env.databaseUrl, variables: env.variables },
  });
  closeOnSignals(async () => {
    await stack.close();
    await tracing.shutdown();
  });
  const producers = Object.fromEntries(PRODUCERS.map((name) => [name, stack.producers[name].url]));
  logger.info({ dataset: dataset.description, producers, subgraphs: stack.subgraphUrls }, 'embedded demo running');
  process.stdout.write(readyMessage(stack.gatewayUrl, env.suppliersPath, env.metricsToken ?? DEMO_METRICS_TOKEN));
}

// The embedded demo's console administrator (synthetic data only); a deployed gateway names its own in `admin`.
const DEMO_ADMIN_KEY = 'demo-admin-key';

// The demo's own: METRICS_TOKEN replaces it. Deployed, /metrics is served only with METRICS_TOKEN set.
const DEMO_METRICS_TOKEN = 'demo-metrics-token';

// The demo suppliers of config/suppliers.yaml; the file holds only their sha256 digests.
const DEMO_KEYS = [
  ['demo-full-key', 'everything, all units'],
  ['demo-lms-key', 'one school unit: students, groups, teachers by name, school e-mail; protected persons as alias'],
  ['demo-analytics-key', 'absence summaries for all units, min. group size 5: no rows, no names; protected persons excluded'],
  [
    'demo-attendance-key',
    'per-lesson attendance and absences of every unit, students by id only; protected persons excluded; writes check-ins and absences',
  ],
] as const;

const readyMessage = (gatewayUrl: string, suppliersPath: string, metricsToken: string): string => {
  const keys = DEMO_KEYS.map(([key, what]) => `  ${key.padEnd(20)} ${what}`).join('\n');
  const body = JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') });
  return [
    '',
    `Gateway ready at ${gatewayUrl}`,
    `GraphiQL: ${new URL('/', gatewayUrl).toString()} (paste a demo key into its Supplier key field)`,
    '',
    `Suppliers from ${suppliersPath}. Demo keys (send as Authorization: Bearer <key> or x-api-key: <key>):`,
    keys,
    '',
    'Try:',
    `  curl -s ${gatewayUrl} -H 'authorization: Bearer demo-full-key' -H 'content-type: application/json' \\`,
    `    -d '${body}'`,
    `  curl -s ${new URL('/sdl', gatewayUrl).toString()} -H 'authorization: Bearer demo-lms-key'    # that supplier's schema`,
    `  curl -s ${new URL('/metrics', gatewayUrl).toString()} -H 'authorization: Bearer ${metricsToken}'    # Prometheus metrics`,
    '',
    `Console: ${new URL('/console/', gatewayUrl).toString()} (sign in with the admin key ${DEMO_ADMIN_KEY}; build it first: npm run build:web)`,
    '',
    '',
  ].join('\n');
};

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
