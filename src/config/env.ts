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

export interface TracingEnvironment {
  /**
   * Where spans go over OTLP/HTTP: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as is, or OTEL_EXPORTER_OTLP_ENDPOINT
   * with `/v1/traces` appended. Unset: nothing is exported (trace ids are still made and propagated).
   */
  endpoint: string | undefined;
  /** Sent with each export (OTEL_EXPORTER_OTLP_TRACES_HEADERS or OTEL_EXPORTER_OTLP_HEADERS: `key=value,…`). */
  headers: Record<string, string>;
  /** The exported `service.name` of this process (OTEL_SERVICE_NAME); `gateway` or `subgraph-<name>` when unset. */
  serviceName: string | undefined;
  /** OTEL_SDK_DISABLED=true: no trace context at all. */
  disabled: boolean;
}

const tracesEndpoint = (env: NodeJS.ProcessEnv): string | undefined => {
  const [name, value] = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']
    ? ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']]
    : [
        'OTEL_EXPORTER_OTLP_ENDPOINT',
        env['OTEL_EXPORTER_OTLP_ENDPOINT'] ? `${env['OTEL_EXPORTER_OTLP_ENDPOINT'].replace(/\/+$/, '')}/v1/traces` : undefined,
      ];
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new Error(`${name} must be an http(s) URL, got "${env[name]}".`);
  return value;
};

// The OTLP exporter's format: comma-separated key=value pairs, values URL-encoded.
const otlpHeaders = (name: string, value: string | undefined): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const pair of (value ?? '').split(',').filter((part) => part.trim() !== '')) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`${name} must be key=value pairs separated by commas.`);
    try {
      headers[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      throw new Error(`${name} has a value that is not URL-encoded.`);
    }
  }
  return headers;
};

/**
 * OpenTelemetry traces from the standard OTEL_* variables (src/observability/tracing.ts). Apart from
 * readEnv, which the logger reads at import: a bad variable here stops the process with its name.
 */
export const readTracingEnv = (env: NodeJS.ProcessEnv = process.env): TracingEnvironment => {
  const headersName = env['OTEL_EXPORTER_OTLP_TRACES_HEADERS'] ? 'OTEL_EXPORTER_OTLP_TRACES_HEADERS' : 'OTEL_EXPORTER_OTLP_HEADERS';
  return {
    endpoint: tracesEndpoint(env),
    headers: otlpHeaders(headersName, env[headersName]),
    serviceName: env['OTEL_SERVICE_NAME'] || undefined,
    disabled: env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true',
  };
};

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
