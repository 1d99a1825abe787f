// Options in, config out: the YAML file is read, `${VAR}` secrets substituted, validated once with
// ajv, and every default applied. Errors name the key (`producers.register.timeoutMs: must be integer`).
// Loaded for one process of the deployed shape, only the secrets of the producers that process calls
// are read, and only those producers are in the result (producer-calls.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { ConfigFileError } from '../lib/config-file-error';
import { parseOriginPattern } from '../lib/origin-pattern';
import type { ProducerAuth, ProducerConfig } from '../sources';
import { PRODUCERS, type ProducerName } from '../ss12000/resources';
import { domainPaths } from '../sources/shared/capabilities';
import { isTimeZone } from '../lib/time-zones';
import type { AdminFile } from '../auth/admin-auth';
import { CONFIG_SCHEMA } from './config-schema';
import { SUPERGRAPH_PATH } from './paths';
import type { ChangesProcessConfig, GatewayConfig, ListenConfig } from './gateway-config';
import { describeProcess, PRODUCER_CALLS, producersCalledBy, type ProcessName } from './producer-calls';

/** The gateway's config file is unusable; each problem names the key. */
export class ConfigError extends ConfigFileError {
  override readonly name = 'ConfigError';

  constructor(source: string, problems: readonly string[]) {
    super(source, problems, `Invalid config ${source}:\n  ${problems.join('\n  ')}`);
  }
}

type Tuning = Partial<
  Pick<
    ProducerConfig,
    'timeoutMs' | 'maxBatchSize' | 'pageSize' | 'maxConcurrency' | 'maxAttempts' | 'breakerFailures' | 'breakerHalfOpenAfterMs'
  >
>;
interface ConfigFile {
  gateway?: Partial<ListenConfig> & {
    supergraphPath?: string;
    requestTimeoutMs?: number;
    shutdownGraceMs?: number;
    cors?: { allowedOrigins?: string[] };
    idempotencyTtlSeconds?: number;
  };
  subgraphs: Record<ProducerName, { url: string; listen?: Partial<ListenConfig> }> & {
    changes?: {
      url: string;
      listen?: Partial<ListenConfig>;
      publicUrl?: string;
      notifications?: Partial<Record<ProducerName, { token?: string; hmacSecret?: string }>>;
    };
  };
  producerDefaults?: Tuning;
  producers: Partial<
    Record<
      ProducerName,
      Tuning & Pick<ProducerConfig, 'summarySource' | 'strict' | 'timeZone' | 'capabilities'> & { baseUrl: string; auth: ProducerAuth }
    >
  >;
  validatePayloads?: boolean;
  admin?: AdminFile;
}

export const PRODUCER_DEFAULTS: Required<Pick<Tuning, 'timeoutMs' | 'maxBatchSize' | 'pageSize' | 'maxConcurrency'>> = {
  timeoutMs: 10_000,
  maxBatchSize: 100,
  pageSize: 100,
  maxConcurrency: 8,
};
/** Total time of one gateway request (every subgraph and producer call included), and how long shutdown drains. */
export const GATEWAY_DEFAULTS = { requestTimeoutMs: 5_000, shutdownGraceMs: 10_000, idempotencyTtlSeconds: 86_400 } as const;

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['uri']);
const validate = ajv.compile<ConfigFile>(CONFIG_SCHEMA);

const dotted = (pointer: string): string => pointer.split('/').filter(Boolean).join('.') || '(top level)';

const describe = (error: ErrorObject): string => {
  const at = dotted(error.instancePath);
  if (error.keyword === 'additionalProperties') return `${at}: unknown key "${String(error.params['additionalProperty'])}"`;
  if (error.keyword === 'required') return `${at}: missing "${String(error.params['missingProperty'])}"`;
  return `${at}: ${error.message ?? 'is invalid'}`;
};

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** How a variable that is not set is reported, given the key it is used at. */
type Missing = (name: string, at: string) => string;

/** Replaces `${NAME}` in every string value; a variable that is not set is an error naming the key. */
function substitute(
  value: unknown,
  variables: Readonly<Record<string, string | undefined>>,
  at: string,
  problems: string[],
  missing: Missing,
): unknown {
  if (typeof value === 'string') {
    return value.replace(VARIABLE, (_, name: string) => {
      const found = variables[name];
      if (found === undefined || found === '') problems.push(missing(name, at));
      return found ?? '';
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => substitute(item, variables, `${at}.${index}`, problems, missing));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substitute(item, variables, at ? `${at}.${key}` : key, problems, missing)]),
    );
  }
  return value;
}

/**
 * A producer this process does not call: its `${NAME}`s are not read. A value naming one is replaced
 * by a stand-in the schema accepts at that key, so the rest of the section is still validated
 * (every process judges the whole file alike), and the section is then left out of the result.
 */
function unread(value: unknown, key: string): unknown {
  if (typeof value === 'string') {
    if (!new RegExp(VARIABLE.source).test(value)) return value;
    return STAND_INS[key] ?? 'unresolved';
  }
  if (Array.isArray(value)) return value.map((item) => unread(item, key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, unread(item, name)]));
  return value;
}
const STAND_INS: Readonly<Record<string, string>> = {
  baseUrl: 'https://unresolved.invalid/',
  tokenUrl: 'https://unresolved.invalid/',
  timeZone: 'UTC',
  summarySource: 'attendances',
  paths: '/unresolved',
  // Notification secrets are at least 32 characters (config-schema.ts).
  token: 'unresolved'.padEnd(32, '-'),
  hmacSecret: 'unresolved'.padEnd(32, '-'),
};

/**
 * The producers' notification secrets (`subgraphs.changes.notifications`) are read by the changes process
 * alone: for any other, they are judged but not read, like the sections of producers it does not call.
 */
function withoutNotificationSecrets(subgraphs: unknown): unknown {
  if (subgraphs === null || typeof subgraphs !== 'object' || Array.isArray(subgraphs)) return subgraphs;
  const changes = (subgraphs as Record<string, unknown>)['changes'];
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes) || !('notifications' in changes)) return subgraphs;
  const notifications = (changes as Record<string, unknown>)['notifications'];
  return { ...subgraphs, changes: { ...changes, notifications: unread(notifications, 'notifications') } };
}

/** The file with `${NAME}` substituted where `forProcess` reads it: outside `producers`, and in the sections of the producers it calls. */
function substituteFor(
  raw: unknown,
  variables: Readonly<Record<string, string | undefined>>,
  forProcess: ProcessName | undefined,
  problems: string[],
): unknown {
  if (forProcess === undefined)
    return substitute(raw, variables, '', problems, (name, at) => `${at}: environment variable ${name} is not set`);
  const who = describeProcess(forProcess);
  const outside: Missing = (name, at) => `${at}: ${who} needs ${name}, and environment variable ${name} is not set`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return substitute(raw, variables, '', problems, outside);
  const calls = PRODUCER_CALLS[forProcess];
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => {
      if (key === 'subgraphs' && forProcess !== 'changes')
        return [key, substitute(withoutNotificationSecrets(value), variables, key, problems, outside)];
      if (key !== 'producers' || value === null || typeof value !== 'object' || Array.isArray(value))
        return [key, substitute(value, variables, key, problems, outside)];
      const producers = Object.entries(value as Record<string, unknown>).map(([producer, section]) => {
        const reason = calls[producer as ProducerName];
        // A key that names no producer is substituted like any other: the schema then names it.
        if (reason === undefined && (PRODUCERS as readonly string[]).includes(producer)) return [producer, unread(section, producer)];
        const missing: Missing = (name, at) =>
          `${at}: ${who} needs ${name} for the ${producer} producer (${reason ?? 'unknown producer'}), and environment variable ${name} is not set`;
        return [producer, substitute(section, variables, `producers.${producer}`, problems, missing)];
      });
      return [key, Object.fromEntries(producers)];
    }),
  );
}

const portOf = (url: string): number => {
  const parsed = new URL(url);
  return parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
};

/** Validates parsed YAML (or any object) into the fully-resolved config. */
export function resolveConfig(
  raw: unknown,
  variables: Readonly<Record<string, string | undefined>>,
  source = 'config',
  /** Relative paths in the file are relative to this directory. */
  baseDir = process.cwd(),
  /** The process the config is for: only the secrets of the producers it calls are read (producer-calls.ts). Every producer when absent. */
  forProcess?: ProcessName,
): GatewayConfig {
  const problems: string[] = [];
  const substituted = substituteFor(raw, variables, forProcess, problems);
  if (problems.length > 0) throw new ConfigError(source, problems);
  if (!validate(substituted)) throw new ConfigError(source, (validate.errors ?? []).map(describe));
  const file = substituted;
  const semantic = [
    ...producerProblems(file.producers),
    ...originProblems(file.gateway?.cors?.allowedOrigins ?? []),
    ...changesProblems(file.subgraphs.changes),
  ];
  if (semantic.length > 0) throw new ConfigError(source, semantic);
  const defaults = { ...PRODUCER_DEFAULTS, ...file.producerDefaults };
  const calls = forProcess === undefined ? PRODUCERS : producersCalledBy(forProcess);
  const entries = <T>(make: (name: ProducerName) => T) =>
    Object.fromEntries(PRODUCERS.map((name) => [name, make(name)])) as Record<ProducerName, T>;
  return {
    gateway: {
      host: file.gateway?.host ?? '0.0.0.0',
      port: file.gateway?.port ?? 4000,
      supergraphPath: file.gateway?.supergraphPath ? path.resolve(baseDir, file.gateway.supergraphPath) : SUPERGRAPH_PATH,
      requestTimeoutMs: file.gateway?.requestTimeoutMs ?? GATEWAY_DEFAULTS.requestTimeoutMs,
      shutdownGraceMs: file.gateway?.shutdownGraceMs ?? GATEWAY_DEFAULTS.shutdownGraceMs,
      cors: { allowedOrigins: file.gateway?.cors?.allowedOrigins ?? [] },
      idempotencyTtlSeconds: file.gateway?.idempotencyTtlSeconds ?? GATEWAY_DEFAULTS.idempotencyTtlSeconds,
    },
    subgraphs: entries((name) => ({
      url: file.subgraphs[name].url,
      listen: {
        host: file.subgraphs[name].listen?.host ?? '0.0.0.0',
        port: file.subgraphs[name].listen?.port ?? portOf(file.subgraphs[name].url),
      },
    })),
    changesSubgraphUrl: file.subgraphs.changes?.url,
    // Its secrets are resolved for the changes process only (and for every process: the embedded stack, tools).
    ...(file.subgraphs.changes && (forProcess === undefined || forProcess === 'changes')
      ? { changes: changesProcess(file.subgraphs.changes) }
      : {}),
    producers: Object.fromEntries(
      calls.flatMap((name) => {
        const given = file.producers[name];
        return given === undefined ? [] : [[name, { ...defaults, ...given }]];
      }),
    ),
    validatePayloads: file.validatePayloads ?? true,
    ...(file.admin ? { admin: file.admin } : {}),
    process: forProcess,
    calls,
  };
}

/** What JSON Schema cannot say: a time zone this runtime knows, paths of the producer's own domain. */
function producerProblems(producers: ConfigFile['producers']): string[] {
  const problems: string[] = [];
  for (const name of PRODUCERS) {
    const given = producers[name];
    if (given === undefined) continue;
    if (given.timeZone !== undefined && !isTimeZone(given.timeZone))
      problems.push(`producers.${name}.timeZone: unknown time zone "${given.timeZone}"`);
    const own = domainPaths(name);
    given.capabilities?.paths?.forEach((path, index) => {
      if (!own.includes(path))
        problems.push(`producers.${name}.capabilities.paths.${index}: "${path}" is not a ${name} path (${own.join(', ')})`);
    });
  }
  return problems;
}

type ChangesSection = NonNullable<ConfigFile['subgraphs']['changes']>;

/** The changes process's own settings: where it listens, where producers reach it, how their webhooks are verified. */
function changesProcess(section: ChangesSection): ChangesProcessConfig {
  const notificationAuth = Object.fromEntries(
    Object.entries(section.notifications ?? {}).map(([producer, given]) => [
      producer,
      given.token !== undefined ? { kind: 'token', token: given.token } : { kind: 'hmac', secret: given.hmacSecret! },
    ]),
  ) as ChangesProcessConfig['notificationAuth'];
  return {
    url: section.url,
    listen: { host: section.listen?.host ?? '0.0.0.0', port: section.listen?.port ?? portOf(section.url) },
    // A base URL: the notification path is resolved against it, so it must end in a slash.
    ...(section.publicUrl ? { publicUrl: section.publicUrl.endsWith('/') ? section.publicUrl : `${section.publicUrl}/` } : {}),
    notificationAuth,
  };
}

/** A public URL is a base (no query, no fragment); notifications need one, or no producer could send them. */
function changesProblems(section: ChangesSection | undefined): string[] {
  if (section === undefined) return [];
  const problems: string[] = [];
  if (section.publicUrl !== undefined) {
    const url = new URL(section.publicUrl);
    if (url.search !== '' || url.hash !== '') problems.push('subgraphs.changes.publicUrl: must be a base URL, without query or fragment');
  }
  if (section.notifications !== undefined && Object.keys(section.notifications).length > 0 && section.publicUrl === undefined) {
    problems.push(
      'subgraphs.changes.notifications: needs subgraphs.changes.publicUrl, the address the producers send their notifications to',
    );
  }
  return problems;
}

/** Each allowed origin is an exact origin or a loopback one with any port (src/lib/origin-pattern.ts). */
function originProblems(origins: readonly string[]): string[] {
  return origins.flatMap((origin, index) => {
    const parsed = parseOriginPattern(origin);
    return 'problem' in parsed ? [`gateway.cors.allowedOrigins.${index}: ${parsed.problem}`] : [];
  });
}

/** `forProcess`: the gateway or a subgraph of the deployed shape, reading only its producers' secrets (see resolveConfig). */
export async function loadConfig(
  file: string,
  variables: Readonly<Record<string, string | undefined>>,
  forProcess?: ProcessName,
): Promise<GatewayConfig> {
  let raw: unknown;
  try {
    raw = parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(file, [`cannot read YAML: ${(error as Error).message}`]);
  }
  return resolveConfig(raw, variables, file, path.dirname(path.resolve(file)), forProcess);
}
