import path from 'node:path';
import { ConfigError, loadConfig, PRODUCER_DEFAULTS, resolveConfig } from '../../src/config/load-config';
import { SUPERGRAPH_PATH, PROJECT_ROOT } from '../../src/config/paths';

const EXAMPLE = path.join(PROJECT_ROOT, 'config', 'gateway.example.yaml');
const SECRETS = {
  REGISTER_TOKEN: 'r-token',
  SCHEDULE_CLIENT_SECRET: 's-secret',
  ATTENDANCE_TOKEN: 'a-token',
  GRADES_TOKEN: 'g-token',
  // The changes process's (subgraphs.changes.notifications), at least 32 characters.
  REGISTER_NOTIFICATION_TOKEN: 'n'.repeat(32),
  ATTENDANCE_NOTIFICATION_SECRET: 'h'.repeat(32),
};

const minimal = () => ({
  subgraphs: Object.fromEntries(
    ['register', 'schedule', 'attendance', 'grades'].map((n, i) => [n, { url: `http://127.0.0.1:${4001 + i}/graphql` }]),
  ),
  producers: Object.fromEntries(
    ['register', 'schedule', 'attendance', 'grades'].map((n) => [
      n,
      { baseUrl: `https://${n}.example.se/v2`, auth: { kind: 'bearer', token: 't' } },
    ]),
  ),
});

const problemsOf = (run: () => unknown): readonly string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('gateway config', () => {
  it('loads the committed example with secrets from the environment', async () => {
    const config = await loadConfig(EXAMPLE, SECRETS);
    expect(config.producers.register?.auth).toEqual({ kind: 'bearer', token: 'r-token' });
    expect(config.producers.schedule?.auth).toEqual(expect.objectContaining({ kind: 'oauth2', clientSecret: 's-secret' }));
    expect(config.producers.attendance?.timeoutMs).toBe(20000);
    expect(config.subgraphs.register).toEqual({ url: 'http://127.0.0.1:4001/graphql', listen: { host: '0.0.0.0', port: 4001 } });
  });

  it('fills every optional setting with its default', () => {
    const config = resolveConfig(minimal(), {});
    expect(config.gateway).toEqual({
      host: '0.0.0.0',
      port: 4000,
      supergraphPath: SUPERGRAPH_PATH,
      requestTimeoutMs: 5000,
      shutdownGraceMs: 10000,
      cors: { allowedOrigins: [] },
      idempotencyTtlSeconds: 86400,
    });
    expect(config.producers.grades).toEqual({
      ...PRODUCER_DEFAULTS,
      baseUrl: 'https://grades.example.se/v2',
      auth: { kind: 'bearer', token: 't' },
    });
    expect(config.validatePayloads).toBe(true);
  });

  it('names the key and the variable when a secret is not set', async () => {
    await expect(loadConfig(EXAMPLE, { ...SECRETS, GRADES_TOKEN: undefined })).rejects.toThrow(
      'producers.grades.auth.token: environment variable GRADES_TOKEN is not set',
    );
  });

  it('allows exact browser origins and loopback ones with any port, and names any other pattern', () => {
    const allowedOrigins = ['https://app.example.se', 'http://localhost:*'];
    expect(resolveConfig({ ...minimal(), gateway: { cors: { allowedOrigins } } }, {}).gateway.cors).toEqual({ allowedOrigins });
    const bad = ['https://*.example.se', 'https://app.example.se/', 'app.example.se', 'https://example.se:*', 'ftp://example.se'];
    expect(problemsOf(() => resolveConfig({ ...minimal(), gateway: { cors: { allowedOrigins: bad } } }, {}))).toEqual([
      'gateway.cors.allowedOrigins.0: "https://*.example.se": a wildcard is allowed only as the port of a loopback origin (http://localhost:*)',
      'gateway.cors.allowedOrigins.1: "https://app.example.se/" is not an origin: scheme, host and port only, e.g. https://app.example.se',
      'gateway.cors.allowedOrigins.2: "app.example.se" is not an origin: scheme, host and port only, e.g. https://app.example.se',
      'gateway.cors.allowedOrigins.3: "https://example.se:*": a wildcard is allowed only as the port of a loopback origin (http://localhost:*)',
      'gateway.cors.allowedOrigins.4: "ftp://example.se" is not an origin: scheme, host and port only, e.g. https://app.example.se',
    ]);
  });

  it('names a setting of the wrong type', () => {
    const raw = minimal();
    (raw.producers['register'] as Record<string, unknown>)['timeoutMs'] = 'soon';
    expect(problemsOf(() => resolveConfig(raw, {}))).toContain('producers.register.timeoutMs: must be integer');
  });

  it('names an unknown key, so a typo is not silently ignored', () => {
    const raw = { ...minimal(), gatway: { port: 1 } };
    expect(problemsOf(() => resolveConfig(raw, {}))).toContain('(top level): unknown key "gatway"');
  });

  it('takes any subset of producers: one left out is one the municipality does not have', () => {
    const raw = minimal();
    delete raw.producers['attendance'];
    expect(resolveConfig(raw, {}).producers.attendance).toBeUndefined();
    expect(problemsOf(() => resolveConfig({ ...raw, producers: {} }, {}))).toContain('producers: must NOT have fewer than 1 properties');
  });

  it('reads the tolerance and capability keys, and names a bad one', () => {
    const raw = minimal();
    Object.assign(raw.producers['grades'] as Record<string, unknown>, {
      strict: true,
      timeZone: 'Europe/Helsinki',
      capabilities: { lookup: false, paths: ['/grades'], probe: true },
    });
    expect(resolveConfig(raw, {}).producers.grades).toEqual(
      expect.objectContaining({
        strict: true,
        timeZone: 'Europe/Helsinki',
        capabilities: { lookup: false, paths: ['/grades'], probe: true },
      }),
    );
    Object.assign(raw.producers['grades'] as Record<string, unknown>, { timeZone: 'Mars/Olympus', capabilities: { paths: ['/persons'] } });
    expect(problemsOf(() => resolveConfig(raw, {}))).toEqual([
      'producers.grades.timeZone: unknown time zone "Mars/Olympus"',
      'producers.grades.capabilities.paths.0: "/persons" is not a grades path (/studyplans, /grades)',
    ]);
  });
});
