// The ONE module that reads process.env. Everything else receives values from here.
import { DEFAULT_SUPPLIERS_PATH } from './paths';

export interface Environment {
  /** Gateway port for the embedded default (PORT); 4000 when unset. */
  port: number;
  /** Path of the deployed-shape YAML config (GATEWAY_CONFIG), if any. */
  configPath: string | undefined;
  /** pino level (LOG_LEVEL); 'info' when unset. */
  logLevel: string;
  /** The suppliers file (SUPPLIERS_CONFIG); config/suppliers.yaml when unset. Reloaded on change. */
  suppliersPath: string;
  /**
   * HMAC secret gateway and subgraphs share to sign the forwarded caller (CALLER_SIGNING_SECRET,
   * at least 32 bytes). Required when gateway and subgraphs run apart; the embedded demo makes one.
   */
  callerSecret: string | undefined;
  /**
   * Key of the HMAC that names protected persons under `alias` (ALIAS_SECRET). Aliases are stable
   * as long as it is: keep it apart from the signing secret so rotating that renames nobody.
   */
  aliasSecret: string | undefined;
  /** Bearer token of GET /metrics (METRICS_TOKEN); /metrics is not served without one. */
  metricsToken: string | undefined;
  /**
   * Redis for the state replicas share (REDIS_URL, e.g. redis://redis:6379): the gateway's per-supplier
   * rate limits and APQ registrations, the attendance subgraph's summary snapshots (config/shared-state.ts).
   * Unset: every process keeps its own, in memory.
   */
  redisUrl: string | undefined;
  /**
   * PostgreSQL for the change feed's state (DATABASE_URL, e.g. postgres://user@db:5432/gateway):
   * cursors, subscriptions and webhook deliveries survive a restart. Unset: kept in memory (the embedded
   * demo); the deployed changes process refuses to start without it (src/gateway/deployed-changes.ts).
   */
  databaseUrl: string | undefined;
  /** Every variable, for `${NAME}` substitution in the config file. */
  variables: Readonly<Record<string, string | undefined>>;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): Environment {
  const port = env['PORT'] === undefined || env['PORT'] === '' ? 4000 : Number(env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env['PORT']}".`);
  return {
    port,
    configPath: env['GATEWAY_CONFIG'] || undefined,
    logLevel: env['LOG_LEVEL'] || 'info',
    suppliersPath: env['SUPPLIERS_CONFIG'] || DEFAULT_SUPPLIERS_PATH,
    callerSecret: env['CALLER_SIGNING_SECRET'] || undefined,
    aliasSecret: env['ALIAS_SECRET'] || undefined,
    metricsToken: env['METRICS_TOKEN'] || undefined,
    redisUrl: env['REDIS_URL'] || undefined,
    databaseUrl: env['DATABASE_URL'] || undefined,
    variables: { ...env },
  };
}
