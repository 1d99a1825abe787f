// Every status a producer can answer maps to a coded error naming the producer and the path (never
// INTERNAL_SERVER_ERROR), and is logged once without a stack: a table over real HTTP.
import { logger } from '../../src/config/logger';
import { toGraphQLError } from '../../src/resolvers/shared/errors';
import { createSourceClients, UNRESTRICTED, type SourceClients } from '../../src/sources';
import { sourcesConfig } from './support/config';
import { startFakeProducer, type FakeProducer } from './support/fake-producer';

let producer: FakeProducer | undefined;
let clients: SourceClients | undefined;
afterEach(async () => {
  jest.restoreAllMocks();
  await clients?.close();
  await producer?.close();
  clients = producer = undefined;
});

const TABLE: [status: number, code: string][] = [
  [400, 'BAD_USER_INPUT'],
  [401, 'UPSTREAM_UNAVAILABLE'],
  [403, 'UPSTREAM_UNAVAILABLE'],
  [404, 'UPSTREAM_UNSUPPORTED'],
  [405, 'UPSTREAM_UNSUPPORTED'],
  [408, 'UPSTREAM_UNAVAILABLE'],
  [409, 'UPSTREAM_UNAVAILABLE'],
  [410, 'UPSTREAM_UNSUPPORTED'],
  [413, 'BAD_USER_INPUT'],
  [414, 'BAD_USER_INPUT'],
  [422, 'BAD_USER_INPUT'],
  [429, 'UPSTREAM_UNAVAILABLE'],
  [431, 'BAD_USER_INPUT'],
  [500, 'UPSTREAM_UNAVAILABLE'],
  [501, 'UPSTREAM_UNSUPPORTED'],
  [502, 'UPSTREAM_UNAVAILABLE'],
  [503, 'UPSTREAM_UNAVAILABLE'],
  [504, 'UPSTREAM_UNAVAILABLE'],
];

test.each(TABLE)('a producer answering %i on a list is %s naming producer and path, logged once without a stack', async (status, code) => {
  producer = await startFakeProducer(() => ({ status, json: { code: 'Whatever', message: 'refused' } }));
  // One attempt, a breaker that never opens: only the mapping is under test here.
  clients = createSourceClients(sourcesConfig(producer.url, { maxAttempts: 1, breakerFailures: 1000 }));
  const lines: unknown[][] = [];
  for (const level of ['error', 'warn', 'info'] as const) {
    jest.spyOn(logger, level).mockImplementation(((...args: unknown[]) => void lines.push([level, ...args])) as never);
  }
  const error = await clients
    .forRequest(UNRESTRICTED)
    .schedule.list('rooms', {})
    .catch((e: unknown) => e);
  const mapped = toGraphQLError(error);
  expect(mapped.extensions).toMatchObject({ code, producer: 'schedule', path: 'GET /rooms' });
  expect(mapped.message).toContain('schedule');
  // One line for the failed call; a 404/405 also teaches the capabilities that the path is absent (one warning of its own).
  for (const [lineLevel, lineFields] of lines as [string, Record<string, unknown>][]) {
    expect(lineLevel).not.toBe('error');
    expect(lineFields).not.toHaveProperty('err');
  }
  const calls = (lines as [string, Record<string, unknown>][]).filter(([, lineFields]) => lineFields.path === 'GET /rooms');
  expect(calls).toHaveLength(1);
  const [level, fields] = calls[0] as [string, Record<string, unknown>];
  expect(level).not.toBe('error');
  expect(fields).not.toHaveProperty('err');
  expect(fields).toMatchObject({ producer: 'schedule', path: 'GET /rooms' });
  // The gateway's credentials, not the caller's: a warning for the operator.
  if (status === 401 || status === 403) expect(level).toBe('warn');
});

test('a timeout, a refused connection and a broken body are coded too', async () => {
  producer = await startFakeProducer(() => ({ raw: 'not json' }));
  clients = createSourceClients(sourcesConfig(producer.url, { maxAttempts: 1 }));
  const invalid = await clients
    .forRequest(UNRESTRICTED)
    .schedule.list('rooms', {})
    .catch((e: unknown) => e);
  expect(toGraphQLError(invalid).extensions).toMatchObject({ code: 'UPSTREAM_INVALID', producer: 'schedule', path: 'GET /rooms' });
  await clients.close();
  await producer.close();

  producer = await startFakeProducer(() => 'hang');
  clients = createSourceClients(sourcesConfig(producer.url, { maxAttempts: 1, timeoutMs: 200 }));
  const timeout = await clients
    .forRequest(UNRESTRICTED)
    .grades.list('grades', {})
    .catch((e: unknown) => e);
  expect(toGraphQLError(timeout).extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', producer: 'grades', path: 'GET /grades' });
  await clients.close();
  await producer.close();

  const closed = await startFakeProducer(() => ({ json: {} }));
  await closed.close();
  clients = createSourceClients(sourcesConfig(closed.url, { maxAttempts: 1 }));
  const refused = await clients
    .forRequest(UNRESTRICTED)
    .register.list('persons', {})
    .catch((e: unknown) => e);
  expect(toGraphQLError(refused).extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', producer: 'register', path: 'GET /persons' });
});
