import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, resolveConfig } from '../../src/config/load-config';
import { PROJECT_ROOT } from '../../src/config/paths';
import { describeProcess, producersCalledBy, type ProcessName } from '../../src/config/producer-calls';
import { createSourceClients, isUpstreamUnsupported, ProducerNotCalledError, UNRESTRICTED } from '../../src/sources';
import { ENTITY_ARRAY_KEYS, ENTITY_KEYS } from '../../src/sources/scope/person-refs';
import { PRODUCERS, RESOURCES, resourcesOf, type ProducerName, type ResourceName } from '../../src/ss12000/resources';

// Issue 14, item 5: each process of the deployed shape reads only the secrets of the producers it calls.
const EXAMPLE = path.join(PROJECT_ROOT, 'config', 'gateway.example.yaml');

/** The variable config/gateway.example.yaml names for each producer's secret. */
const SECRET_OF: Record<ProducerName, string> = {
  register: 'REGISTER_TOKEN',
  schedule: 'SCHEDULE_CLIENT_SECRET',
  attendance: 'ATTENDANCE_TOKEN',
  grades: 'GRADES_TOKEN',
};
const PROCESSES: readonly ProcessName[] = ['gateway', ...PRODUCERS, 'changes'];

/** The per-process table, as the README documents it. */
const EXPECTED: Record<ProcessName, ProducerName[]> = {
  gateway: ['register'],
  register: ['register'],
  schedule: ['register', 'schedule'],
  attendance: ['register', 'schedule', 'attendance'],
  grades: ['register', 'grades'],
  // The change feed: every producer's changes, each changed object read again through the row scope.
  changes: ['register', 'schedule', 'attendance', 'grades'],
};

/** The notification secrets config/gateway.example.yaml names (`subgraphs.changes.notifications`): the changes process's alone. */
const NOTIFICATION_SECRETS = { REGISTER_NOTIFICATION_TOKEN: 'r'.repeat(32), ATTENDANCE_NOTIFICATION_SECRET: 'a'.repeat(32) };

const variablesOf = (process: ProcessName): Record<string, string> => ({
  ...Object.fromEntries(producersCalledBy(process).map((producer) => [SECRET_OF[producer], `${producer}-secret`])),
  ...(process === 'changes' ? NOTIFICATION_SECRETS : {}),
});

/** `variables` that record every name read from them. */
const recording = (variables: Record<string, string | undefined>): { variables: Record<string, string | undefined>; read: Set<string> } => {
  const read = new Set<string>();
  const proxy = new Proxy(variables, {
    get: (target, name) => {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  });
  return { variables: proxy, read };
};

const problemsOf = async (run: () => Promise<unknown>): Promise<readonly string[]> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('the producers each process calls', () => {
  it('is the declared table: a subgraph its own producer and register (row scope), attendance also schedule, the gateway register only', () => {
    for (const process of PROCESSES) expect(producersCalledBy(process)).toEqual(EXPECTED[process]);
  });

  // Derived from the code, so the table cannot drift: what a subgraph's resolvers read, plus what the
  // row scope reads for its rows (persons from register; the rows its rows' entity keys point at).
  it('is what the code reads: resolvers (src/resolvers/<name>), and the row scope over each subgraph’s rows', () => {
    const filesUnder = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
      );
    const schemas = (
      JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src', 'ss12000', 'spec-extract.json'), 'utf8')) as {
        schemas: Record<string, unknown>;
      }
    ).schemas;
    const entityKeys: Record<string, ResourceName> = { ...ENTITY_KEYS, ...ENTITY_ARRAY_KEYS };
    /** Producers of the rows `schema` (and everything it nests, `_embedded` included) points at through an entity key. */
    const pointedAt = (node: unknown, seen: Set<string>, found: Set<ProducerName>): void => {
      if (Array.isArray(node)) return node.forEach((item) => pointedAt(item, seen, found));
      if (node === null || typeof node !== 'object') return;
      const object = node as Record<string, unknown>;
      if (typeof object['$ref'] === 'string') {
        const name = object['$ref'].split('/').pop()!;
        if (!seen.has(name)) pointedAt(schemas[name], new Set([...seen, name]), found);
        return;
      }
      for (const key of Object.keys((object['properties'] ?? {}) as Record<string, unknown>)) {
        if (entityKeys[key] !== undefined) found.add(RESOURCES[entityKeys[key]].producer);
      }
      for (const value of Object.values(object)) pointedAt(value, seen, found);
    };
    for (const subgraph of PRODUCERS) {
      // The row scope checks persons (and their units) against the register producer in every subgraph.
      const read = new Set<ProducerName>([subgraph, 'register']);
      for (const file of filesUnder(path.join(PROJECT_ROOT, 'src', 'resolvers', subgraph))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/sources\.(register|schedule|attendance|grades)\b/g))
          read.add(match[1] as ProducerName);
      }
      // Each row schema of the subgraph's producer, its expanded form, and /aggregatedAttendance (a list, not a resource).
      const rowSchemas = resourcesOf(subgraph).flatMap((collection) => [
        RESOURCES[collection].deletedEntityName,
        `${RESOURCES[collection].deletedEntityName}Expanded`,
      ]);
      if (subgraph === 'attendance') rowSchemas.push('AggregatedAttendance');
      for (const schema of rowSchemas) if (schemas[schema] !== undefined) pointedAt(schemas[schema], new Set([schema]), read);
      expect([subgraph, PRODUCERS.filter((producer) => read.has(producer))]).toEqual([subgraph, producersCalledBy(subgraph)]);
    }
  });
});

describe('config/gateway.example.yaml loaded for one process', () => {
  it.each(PROCESSES)('%s: loads with only its producers’ secrets set, and reads no other', async (process) => {
    const { variables, read } = recording(variablesOf(process));
    const config = await loadConfig(EXAMPLE, variables, process);
    expect(Object.keys(config.producers).sort()).toEqual([...EXPECTED[process]].sort());
    expect(config.calls).toEqual(EXPECTED[process]);
    expect(config.process).toBe(process);
    const secretsRead = [...read].filter((name) => Object.values(SECRET_OF).includes(name)).sort();
    expect(secretsRead).toEqual(EXPECTED[process].map((producer) => SECRET_OF[producer]).sort());
    const register = config.producers.register?.auth;
    expect(register).toEqual({ kind: 'bearer', token: 'register-secret' });
    // The producers' notification secrets: read by the changes process only, and only its config holds them.
    const notificationsRead = [...read].filter((name) => name in NOTIFICATION_SECRETS);
    expect(notificationsRead.sort()).toEqual(process === 'changes' ? Object.keys(NOTIFICATION_SECRETS).sort() : []);
    expect(config.changes?.notificationAuth).toEqual(
      process === 'changes'
        ? {
            register: { kind: 'token', token: NOTIFICATION_SECRETS.REGISTER_NOTIFICATION_TOKEN },
            attendance: { kind: 'hmac', secret: NOTIFICATION_SECRETS.ATTENDANCE_NOTIFICATION_SECRET },
          }
        : undefined,
    );
  });

  it('the changes process without a notification secret: an error naming it; its public URL is a base, needed by notifications', async () => {
    const { ATTENDANCE_NOTIFICATION_SECRET: _, ...without } = variablesOf('changes');
    expect(await problemsOf(() => loadConfig(EXAMPLE, without, 'changes'))).toEqual([
      'subgraphs.changes.notifications.attendance.hmacSecret: the changes subgraph needs ATTENDANCE_NOTIFICATION_SECRET, and environment variable ATTENDANCE_NOTIFICATION_SECRET is not set',
    ]);
    const short = { ...variablesOf('changes'), REGISTER_NOTIFICATION_TOKEN: 'short' };
    expect((await problemsOf(() => loadConfig(EXAMPLE, short, 'changes'))).join('\n')).toContain(
      'subgraphs.changes.notifications.register',
    );
    const raw = {
      subgraphs: {
        ...Object.fromEntries(PRODUCERS.map((name, i) => [name, { url: `http://127.0.0.1:${4001 + i}/graphql` }])),
        changes: {
          url: 'http://127.0.0.1:4005/graphql',
          publicUrl: 'https://changes.example.se/feed?x=1',
          notifications: { register: { token: 't'.repeat(32) } },
        },
      },
      producers: { register: { baseUrl: 'https://r.example.se', auth: { kind: 'bearer', token: 't' } } },
    };
    expect(() => resolveConfig(raw, {}, 'config', PROJECT_ROOT, 'changes')).toThrow(
      'subgraphs.changes.publicUrl: must be a base URL, without query or fragment',
    );
    delete (raw.subgraphs.changes as { publicUrl?: string }).publicUrl;
    expect(() => resolveConfig(raw, {}, 'config', PROJECT_ROOT, 'changes')).toThrow(
      'subgraphs.changes.notifications: needs subgraphs.changes.publicUrl',
    );
    (raw.subgraphs.changes as { publicUrl?: string }).publicUrl = 'https://changes.example.se/feed';
    expect(resolveConfig(raw, {}, 'config', PROJECT_ROOT, 'changes').changes).toEqual({
      url: 'http://127.0.0.1:4005/graphql',
      listen: { host: '0.0.0.0', port: 4005 },
      publicUrl: 'https://changes.example.se/feed/',
      notificationAuth: { register: { kind: 'token', token: 't'.repeat(32) } },
    });
  });

  it.each(PROCESSES.flatMap((process) => EXPECTED[process].map((producer) => [process, producer] as const)))(
    '%s without the %s producer’s secret: an error naming the process, the variable and the producer',
    async (process, producer) => {
      const variables = { ...variablesOf(process), [SECRET_OF[producer]]: undefined };
      const problems = await problemsOf(() => loadConfig(EXAMPLE, variables, process));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`${describeProcess(process)} needs ${SECRET_OF[producer]} for the ${producer} producer`);
      expect(problems[0]).toContain(`environment variable ${SECRET_OF[producer]} is not set`);
      expect(problems[0]).toMatch(new RegExp(`^producers\\.${producer}\\.auth\\.`));
    },
  );

  it('the schedule subgraph’s message, in full', async () => {
    const problems = await problemsOf(() => loadConfig(EXAMPLE, { REGISTER_TOKEN: 'r' }, 'schedule'));
    expect(problems).toEqual([
      'producers.schedule.auth.clientSecret: the schedule subgraph needs SCHEDULE_CLIENT_SECRET for the schedule producer (its own data), and environment variable SCHEDULE_CLIENT_SECRET is not set',
    ]);
  });

  it('the gateway starts from no producer secret but the register’s (the organisation tree), and says so without it', async () => {
    await expect(loadConfig(EXAMPLE, { REGISTER_TOKEN: 'r' }, 'gateway')).resolves.toBeDefined();
    expect(await problemsOf(() => loadConfig(EXAMPLE, {}, 'gateway'))).toEqual([
      'producers.register.auth.token: the gateway needs REGISTER_TOKEN for the register producer (the organisation tree that unit-scoped suppliers expand over), and environment variable REGISTER_TOKEN is not set',
    ]);
  });

  it('without a process (the embedded stack, tools) every producer’s secret is still needed, and the notification secrets', async () => {
    const problems = await problemsOf(() => loadConfig(EXAMPLE, variablesOf('grades')));
    expect(problems).toEqual([
      'subgraphs.changes.notifications.register.token: environment variable REGISTER_NOTIFICATION_TOKEN is not set',
      'subgraphs.changes.notifications.attendance.hmacSecret: environment variable ATTENDANCE_NOTIFICATION_SECRET is not set',
      'producers.schedule.auth.clientSecret: environment variable SCHEDULE_CLIENT_SECRET is not set',
      'producers.attendance.auth.token: environment variable ATTENDANCE_TOKEN is not set',
    ]);
  });

  it('a variable outside `producers` is needed by every process, and named with it', async () => {
    const raw = {
      subgraphs: Object.fromEntries(
        PRODUCERS.map((name, i) => [name, { url: i === 0 ? '${REGISTER_SUBGRAPH_URL}' : `http://127.0.0.1:${4001 + i}/graphql` }]),
      ),
      producers: { register: { baseUrl: 'https://r.example.se', auth: { kind: 'bearer', token: 't' } } },
    };
    expect(() => resolveConfig(raw, {}, 'config', PROJECT_ROOT, 'grades')).toThrow(
      'subgraphs.register.url: the grades subgraph needs REGISTER_SUBGRAPH_URL, and environment variable REGISTER_SUBGRAPH_URL is not set',
    );
  });

  it('still judges the sections of producers it does not call (their variables unread): every process validates the whole file', () => {
    const raw = {
      subgraphs: Object.fromEntries(PRODUCERS.map((name, i) => [name, { url: `http://127.0.0.1:${4001 + i}/graphql` }])),
      producers: {
        register: { baseUrl: 'https://r.example.se', auth: { kind: 'bearer', token: 't' } },
        // Variables in URLs and the time zone stand in for values the schema accepts; the typo is still named.
        grades: { baseUrl: '${GRADES_URL}', auth: { kind: 'bearer', token: '${GRADES_TOKEN}' }, timeZone: '${GRADES_TZ}', timeoutMS: 5 },
      },
    };
    const { variables, read } = recording({});
    expect(() => resolveConfig(raw, variables, 'config', PROJECT_ROOT, 'register')).toThrow('producers.grades: unknown key "timeoutMS"');
    delete (raw.producers.grades as Record<string, unknown>)['timeoutMS'];
    expect(resolveConfig(raw, variables, 'config', PROJECT_ROOT, 'register').producers).toEqual({
      register: expect.objectContaining({ baseUrl: 'https://r.example.se' }),
    });
    expect(read).toEqual(new Set());
  });
});

describe('source clients of one process', () => {
  const config = {
    register: {
      baseUrl: 'http://127.0.0.1:9/v2',
      auth: { kind: 'bearer' as const, token: 't' },
      timeoutMs: 1000,
      maxBatchSize: 10,
      pageSize: 10,
      maxConcurrency: 1,
    },
  };

  it('a producer the process does not call fails closed, naming process and producer (not UPSTREAM_UNSUPPORTED)', async () => {
    const clients = createSourceClients(config, { calls: producersCalledBy('grades'), process: describeProcess('grades') });
    try {
      const sources = clients.forRequest(UNRESTRICTED);
      const failure = sources.schedule.load('activities', 'a');
      await expect(failure).rejects.toBeInstanceOf(ProducerNotCalledError);
      await expect(failure).rejects.toThrow('the grades subgraph does not call the schedule producer');
      await expect(sources.attendance.list('attendances', {})).rejects.toThrow('the grades subgraph does not call the attendance producer');
      const pages = sources.schedule.pages('rooms', {})[Symbol.asyncIterator]();
      await expect(pages.next()).rejects.toBeInstanceOf(ProducerNotCalledError);
      // Called but not configured: a producer the municipality does not have, as before.
      const unsupported = await sources.grades.load('grades', 'g').catch((error: unknown) => error);
      expect(isUpstreamUnsupported(unsupported)).toBe(true);
      expect(Object.keys(clients.breakers())).toEqual(['register']);
    } finally {
      await clients.close();
    }
  });

  it('a configured producer outside `calls` gets no client: no breaker, no token provider', async () => {
    const clients = createSourceClients({ ...config, schedule: config.register }, { calls: ['register'], process: 'the gateway' });
    try {
      expect(Object.keys(clients.breakers())).toEqual(['register']);
      await expect(clients.forRequest(UNRESTRICTED).schedule.load('rooms', 'r')).rejects.toThrow(
        'the gateway does not call the schedule producer',
      );
    } finally {
      await clients.close();
    }
  });
});
