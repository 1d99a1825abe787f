import { readEnv } from '../../src/config/env';

// src/config/env.ts is the one reader of process.env: what each variable becomes.
describe('environment', () => {
  it('defaults: port 4000, info logs, no secrets, no metrics token', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      port: 4000,
      logLevel: 'info',
      callerSecret: undefined,
      aliasSecret: undefined,
      metricsToken: undefined,
      configPath: undefined,
    });
  });

  it('reads the secrets and tokens by name; an empty value counts as unset', () => {
    const env = readEnv({
      CALLER_SIGNING_SECRET: 's'.repeat(32),
      ALIAS_SECRET: 'a'.repeat(32),
      METRICS_TOKEN: 'm',
      GATEWAY_CONFIG: '',
      PORT: '4100',
    });
    expect(env).toMatchObject({
      callerSecret: 's'.repeat(32),
      aliasSecret: 'a'.repeat(32),
      metricsToken: 'm',
      configPath: undefined,
      port: 4100,
    });
  });

  it('REDIS_URL: the rate limits counted in Redis when set, in memory when unset or empty', () => {
    expect(readEnv({ REDIS_URL: 'redis://redis:6379' }).redisUrl).toBe('redis://redis:6379');
    expect(readEnv({ REDIS_URL: '' }).redisUrl).toBeUndefined();
    expect(readEnv({}).redisUrl).toBeUndefined();
  });

  it('a PORT that is no port number is an error naming it', () => {
    expect(() => readEnv({ PORT: 'http' })).toThrow('PORT must be a port number, got "http".');
    expect(() => readEnv({ PORT: '70000' })).toThrow(/PORT/);
  });
});
