import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigError, resolveConfig } from '../../src/config/load-config';
import { PROJECT_ROOT } from '../../src/config/paths';
import { producersCalledBy, type ProcessName } from '../../src/config/producer-calls';
import { SHARES_STATE } from '../../src/config/shared-state';
import { generateMunicipality } from '../../src/demo/generator';
import { startProducers } from '../../src/demo/producers';
import { PRODUCERS, type ProducerName } from '../../src/ss12000/resources';

// Issue 13, item 3: compose.yaml, config/gateway.compose.yaml and the Dockerfile describe one deployment.
const read = (file: string): string => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const COMPOSE_CONFIG = 'config/gateway.compose.yaml';
/** Where the runtime image holds the project (Dockerfile WORKDIR). */
const IMAGE_ROOT = '/app';

interface Service {
  image?: string;
  build?: { context: string; target: string };
  command?: string[];
  environment?: Record<string, string | number> | string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const rawConfig = parse(read(COMPOSE_CONFIG)) as {
  gateway: { port: number };
  subgraphs: Record<ProducerName, { url: string }> & {
    changes: { url: string; publicUrl: string; notifications: Record<string, unknown> };
  };
  producers: Record<ProducerName, unknown>;
};

/** What an operator's .env holds: the required secrets only. */
const DOT_ENV: Record<string, string> = {
  CALLER_SIGNING_SECRET: 'c'.repeat(48),
  ALIAS_SECRET: 'a'.repeat(48),
  CHANGES_NOTIFICATION_TOKEN: 'n'.repeat(48),
  POSTGRES_PASSWORD: 'p'.repeat(24),
};

/** Compose's own interpolation of `${VAR}`, `${VAR:-default}` and `${VAR:?error}` against .env. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
    const found = env[name];
    if (found !== undefined && found !== '') return found;
    if (op === '?') throw new Error(`compose: ${name}: ${arg}`);
    return op === '-' ? (arg ?? '') : '';
  });
}

/** The variables a service's container gets (compose.yaml `environment`, interpolated). */
function environmentOf(service: Service, env: Record<string, string> = DOT_ENV): Record<string, string> {
  const given = service.environment ?? {};
  const pairs = Array.isArray(given) ? given.map((line) => line.split(/=(.*)/s, 2) as [string, string]) : Object.entries(given);
  return Object.fromEntries(pairs.map(([name, value]) => [name, interpolate(String(value ?? ''), env)]));
}

const hostPort = (url: string): { host: string; port: number } => {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)) };
};

/** The process a runtime service runs: the entrypoint's first argument. */
const processOf = (service: Service): string | undefined => service.command?.[0];
const runtimeServices = Object.entries(services).filter(([, s]) => s.build?.target === 'runtime');
const serviceRunning = (process: ProcessName): [string, Service] => {
  const found = runtimeServices.filter(([, s]) => processOf(s) === process);
  expect(found.map(([name]) => name)).toHaveLength(1);
  return found[0]!;
};

/** The ports a healthcheck asks (docker/healthcheck.js <port>…). */
const healthPorts = (service: Service): number[] => {
  const test = service.healthcheck?.test ?? [];
  expect(test.slice(0, 3)).toEqual(['CMD', 'node', '/app/docker/healthcheck.js']);
  return test
    .slice(3)
    .filter((arg) => /^\d+$/.test(arg))
    .map(Number);
};

/** `${NAME}`s in one producer's section of the compose config. */
const variablesOf = (section: unknown): string[] =>
  [...JSON.stringify(section).matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!);
/** The producers' notification secrets (`subgraphs.changes.notifications`): the changes process's alone. */
const NOTIFICATION_SECRETS = new Set(variablesOf(rawConfig.subgraphs.changes.notifications));
const PRODUCER_SECRETS = new Set([...PRODUCERS.flatMap((p) => variablesOf(rawConfig.producers[p])), ...NOTIFICATION_SECRETS]);

/** Exactly the variables each process reads (src/config/env.ts, README "Two ways to run"). */
function expectedEnvironment(process: ProcessName): string[] {
  const secrets = producersCalledBy(process).flatMap((p) => variablesOf(rawConfig.producers[p]));
  const own = [...(process === 'gateway' ? [] : ['ALIAS_SECRET']), ...(SHARES_STATE.has(process) ? ['REDIS_URL'] : [])];
  const changes = process === 'changes' ? ['DATABASE_URL', ...NOTIFICATION_SECRETS] : [];
  return [...new Set(['CALLER_SIGNING_SECRET', 'METRICS_TOKEN', 'LOG_LEVEL', ...own, ...secrets, ...changes])].sort();
}

const PROCESSES: readonly ProcessName[] = ['gateway', ...PRODUCERS, 'changes'];
/** The processes serving a subgraph: one per producer, and the change feed's. */
const SUBGRAPH_PROCESSES = [...PRODUCERS, 'changes'] as const;

/** The Dockerfile's instructions in one stage (`FROM … AS <stage>` up to the next FROM). */
function stage(name: string): string {
  const dockerfile = read('Dockerfile').replace(/\\\n\s*/g, ' ');
  const parts = dockerfile.split(/^FROM /m);
  const found = parts.find((part) => new RegExp(`^\\S+ AS ${name}\\s*$`, 'm').test(part.split('\n')[0]!));
  if (found === undefined) throw new Error(`Dockerfile has no stage ${name}`);
  return found;
}
const exposed = (text: string): number[] => [...text.matchAll(/^EXPOSE (.+)$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/).map(Number));

describe('compose.yaml and config/gateway.compose.yaml', () => {
  it('loads with the project loader for every process, given exactly the variables compose passes it', () => {
    for (const process of PROCESSES) {
      const [, service] = serviceRunning(process);
      expect(service.command).toEqual([process, '--config', `${IMAGE_ROOT}/${COMPOSE_CONFIG}`]);
      const config = resolveConfig(rawConfig, environmentOf(service), COMPOSE_CONFIG, path.join(PROJECT_ROOT, 'config'), process);
      expect(config.calls).toEqual(producersCalledBy(process));
      expect(Object.keys(config.producers).sort()).toEqual([...producersCalledBy(process)].sort());
    }
  });

  it('has a service for every subgraph the config names, on the port the config uses, health-checked there', () => {
    for (const name of SUBGRAPH_PROCESSES) {
      const { host, port } = hostPort(rawConfig.subgraphs[name].url);
      const service = services[host];
      expect({ subgraph: name, service: host, exists: service !== undefined }).toEqual({ subgraph: name, service: host, exists: true });
      expect(processOf(service!)).toBe(name);
      expect(service!.build?.target).toBe('runtime');
      expect(healthPorts(service!)).toEqual([port]);
      const config = resolveConfig(rawConfig, environmentOf(service!), COMPOSE_CONFIG, PROJECT_ROOT, name);
      expect(name === 'changes' ? config.changes!.listen.port : config.subgraphs[name].listen.port).toBe(port);
      // The gateway reaches it, so it must be up first.
      expect(serviceRunning('gateway')[1].depends_on?.[host]).toEqual({ condition: 'service_healthy' });
    }
  });

  it('has a service for every producer the config names, on the port the config uses, started before its callers', () => {
    for (const name of PRODUCERS) {
      const { host, port } = hostPort((rawConfig.producers[name] as { baseUrl: string }).baseUrl);
      const service = services[host];
      expect({ producer: name, service: host, exists: service !== undefined }).toEqual({ producer: name, service: host, exists: true });
      expect(healthPorts(service!)).toContain(port);
      expect(exposed(stage(service!.build!.target))).toContain(port);
      for (const process of PROCESSES.filter((p) => producersCalledBy(p).includes(name))) {
        expect(serviceRunning(process)[1].depends_on?.[host]).toEqual({ condition: 'service_healthy' });
      }
    }
  });

  it('passes each gateway and subgraph service exactly the variables its process reads, no other secret', () => {
    for (const process of PROCESSES) {
      const [name, service] = serviceRunning(process);
      expect({ service: name, environment: Object.keys(environmentOf(service)).sort() }).toEqual({
        service: name,
        environment: expectedEnvironment(process),
      });
      // Every producer secret it is given is one it needs: without it the loader stops the process.
      const given = Object.keys(environmentOf(service)).filter((variable) => PRODUCER_SECRETS.has(variable));
      for (const variable of given) {
        const without = { ...environmentOf(service), [variable]: undefined };
        expect(() => resolveConfig(rawConfig, without, COMPOSE_CONFIG, PROJECT_ROOT, process)).toThrow(ConfigError);
      }
    }
  });

  it('shares CALLER_SIGNING_SECRET (and ALIAS_SECRET among subgraphs) from .env, refusing to start without them', () => {
    const values = (variable: string, processes: readonly ProcessName[]) =>
      new Set(processes.map((p) => environmentOf(serviceRunning(p)[1])[variable]));
    expect(values('CALLER_SIGNING_SECRET', PROCESSES)).toEqual(new Set([DOT_ENV['CALLER_SIGNING_SECRET']]));
    expect(values('ALIAS_SECRET', SUBGRAPH_PROCESSES)).toEqual(new Set([DOT_ENV['ALIAS_SECRET']]));
    for (const process of PROCESSES) {
      expect(() => environmentOf(serviceRunning(process)[1], {})).toThrow(/CALLER_SIGNING_SECRET/);
    }
  });

  it('gives Redis to the processes that share state by its service name, and health-checks the gateway on its port', () => {
    for (const process of SHARES_STATE) {
      const [, service] = serviceRunning(process);
      const redis = hostPort(environmentOf(service)['REDIS_URL']!);
      expect(services[redis.host]?.healthcheck).toBeDefined();
      expect(service.depends_on?.[redis.host]).toEqual({ condition: 'service_healthy' });
    }
    const [, gateway] = serviceRunning('gateway');
    expect(healthPorts(gateway)).toEqual([rawConfig.gateway.port]);
    expect(gateway.ports).toContain(`${rawConfig.gateway.port}:${rawConfig.gateway.port}`);
  });

  it('gives the changes process PostgreSQL by its service name, and a public URL the producers reach it at', () => {
    const [name, changes] = serviceRunning('changes');
    const database = new URL(environmentOf(changes)['DATABASE_URL']!);
    expect(database.protocol).toBe('postgres:');
    const postgres = services[database.hostname];
    expect(postgres?.healthcheck).toBeDefined();
    expect(changes.depends_on?.[database.hostname]).toEqual({ condition: 'service_healthy' });
    // The database, user and password compose gives PostgreSQL are the ones the changes process connects with.
    const postgresEnv = environmentOf(postgres!);
    expect([database.pathname, database.username, database.password]).toEqual([
      `/${postgresEnv['POSTGRES_DB']}`,
      postgresEnv['POSTGRES_USER'],
      postgresEnv['POSTGRES_PASSWORD'],
    ]);
    expect(() => environmentOf(postgres!, { ...DOT_ENV, POSTGRES_PASSWORD: '' })).toThrow(/POSTGRES_PASSWORD/);
    // The producers' webhooks go to the changes service itself, on the port it listens on.
    const config = resolveConfig(rawConfig, environmentOf(changes), COMPOSE_CONFIG, PROJECT_ROOT, 'changes');
    const publicUrl = hostPort(config.changes!.publicUrl!);
    expect(publicUrl).toEqual({ host: name, port: config.changes!.listen.port });
    expect(Object.keys(config.changes!.notificationAuth).sort()).toEqual([...PRODUCERS].sort());
    // Every other process is given no notification secret and resolves none.
    for (const process of PROCESSES.filter((p) => p !== 'changes')) {
      expect(
        resolveConfig(rawConfig, environmentOf(serviceRunning(process)[1]), COMPOSE_CONFIG, PROJECT_ROOT, process).changes,
      ).toBeUndefined();
    }
  });

  it("defaults the producer tokens to the demo producers' own", async () => {
    const running = await startProducers({ dataset: generateMunicipality({ students: 10 }) });
    try {
      const env = Object.assign({}, ...runtimeServices.map(([, s]) => environmentOf(s))) as Record<string, string>;
      for (const name of PRODUCERS) {
        const [variable] = variablesOf(rawConfig.producers[name]);
        expect({ producer: name, token: env[variable!] }).toEqual({ producer: name, token: running.producers[name].token });
      }
    } finally {
      await running.close();
    }
  });
});

describe('Dockerfile', () => {
  const runtime = stage('runtime');

  it('exposes the gateway port and every subgraph port of the compose config (the changes process’s included)', () => {
    const ports = [rawConfig.gateway.port, ...SUBGRAPH_PROCESSES.map((name) => hostPort(rawConfig.subgraphs[name].url).port)];
    expect(exposed(runtime).sort()).toEqual(ports.sort());
  });

  it('health-checks GET /healthz with Node, on the gateway port by default', () => {
    expect(runtime).toMatch(/^HEALTHCHECK .*CMD \["node", "\/app\/docker\/healthcheck\.js"\]$/m);
    expect(runtime).toMatch(new RegExp(`^ENV HEALTH_PORT=${rawConfig.gateway.port}$`, 'm'));
    const script = read('docker/healthcheck.js');
    expect(script).toContain('/healthz`');
    expect(read('src/observability/admin-routes.ts')).toContain("pathname === '/healthz'");
  });

  it('runs as a non-root user in production, the gateway by default', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(stage('runtime-base')).toMatch(/^ENV NODE_ENV=production$/m);
    expect(runtime).toMatch(/^ENTRYPOINT \["\/app\/docker\/entrypoint\.sh"\]$/m);
    expect(runtime).toMatch(/^CMD \["gateway"\]$/m);
    expect(stage('demo-producers')).toMatch(/^USER node$/m);
  });
});
