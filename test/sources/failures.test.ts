// What a caller sees when a producer misbehaves: typed errors naming the producer and the route,
// never a crash, never the payload's personal data.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createSourceClients,
  isUpstreamInvalid,
  isUpstreamRejected,
  isUpstreamUnavailable,
  UpstreamInvalidError,
  UpstreamRejectedError,
  UpstreamUnavailableError,
  UNRESTRICTED,
  type SourceClients,
} from '../../src/sources';
import type { Person } from '../../src/ss12000/wire';
import { sourcesConfig } from './support/config';
import { startFakeProducer, type FakeProducer, type Reply } from './support/fake-producer';
import { municipality } from './support/municipality';

let producer: FakeProducer | undefined;
let clients: SourceClients | undefined;

afterEach(async () => {
  await clients?.close();
  await producer?.close();
  clients = producer = undefined;
});

const against = async (reply: Reply, timeoutMs = 5_000, strict?: boolean) => {
  producer = await startFakeProducer(() => reply);
  clients = createSourceClients(sourcesConfig(producer.url, { timeoutMs, strict }));
  return clients.forRequest(UNRESTRICTED);
};

test('a producer that does not answer in time gives UpstreamUnavailableError naming it', async () => {
  const sources = await against('hang', 200);
  const error = await sources.schedule.list('rooms', {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamUnavailableError);
  expect(error).toMatchObject({ producer: 'schedule', path: 'GET /rooms', reason: 'timeout' });
  expect(String((error as Error).message)).toContain("'schedule'");
});

test('a producer that sends headers and then stalls mid-body also times out', async () => {
  const stalling = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"data": [');
  });
  await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
  clients = createSourceClients(sourcesConfig(`http://127.0.0.1:${(stalling.address() as AddressInfo).port}`, { timeoutMs: 200 }));
  await expect(clients.forRequest(UNRESTRICTED).schedule.list('rooms', {})).rejects.toMatchObject({
    name: 'UpstreamUnavailableError',
    reason: 'timeout',
  });
  stalling.closeAllConnections();
  stalling.close();
});

test('a producer that refuses connections gives UpstreamUnavailableError', async () => {
  const closed = await startFakeProducer(() => ({ json: {} }));
  await closed.close();
  clients = createSourceClients(sourcesConfig(closed.url));
  const error = await clients
    .forRequest(UNRESTRICTED)
    .register.load('persons', 'p1')
    .catch((e: unknown) => e);
  expect(isUpstreamUnavailable(error)).toBe(true);
  expect(error).toMatchObject({ producer: 'register', path: 'POST /persons/lookup', reason: 'connect' });
});

test('a 5xx answer gives UpstreamUnavailableError with the status', async () => {
  const sources = await against({ status: 502, json: { code: 'bad_gateway', message: 'down' } });
  await expect(sources.grades.list('grades', {})).rejects.toMatchObject({
    name: 'UpstreamUnavailableError',
    status: 502,
    producer: 'grades',
  });
});

test('a body that is not JSON gives UpstreamInvalidError naming producer and path', async () => {
  const sources = await against({ raw: '<html>proxy error</html>' });
  const error = await sources.attendance.list('absences', {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamInvalidError);
  expect((error as Error).message).toMatch(/'attendance'.*GET \/absences.*not JSON/);
});

test('an envelope without a data array gives UpstreamInvalidError', async () => {
  const sources = await against({ json: { items: [] } });
  await expect(sources.schedule.list('rooms', {})).rejects.toMatchObject({
    name: 'UpstreamInvalidError',
    violation: 'page has no data array',
  });
});

test('strict: a row that breaks the spec schema names the first violation but not the personal data in it', async () => {
  const generated = [...municipality().persons.values()][0] as Person;
  const person = { ...generated, familyName: 42 };
  // Tolerant (the default), the row is served with familyName unreadable: test/tolerant/.
  const sources = await against({ json: [person] }, 5_000, true);
  const error = await sources.register.load('persons', person.id).catch((e: unknown) => e);
  expect(isUpstreamInvalid(error)).toBe(true);
  const message = (error as Error).message;
  expect(message).toContain("'register'");
  expect(message).toContain('POST /persons/lookup');
  expect(message).toContain('[0]/familyName must be string');
  expect(message).not.toContain(generated.givenName);
  expect(message).not.toContain(generated.id);
});

test('with validation off, the same row passes through untouched (benchmarks)', async () => {
  const person = { id: 'p1', familyName: 42 };
  producer = await startFakeProducer(() => ({ json: [person] }));
  clients = createSourceClients(sourcesConfig(producer.url), { validatePayloads: false });
  await expect(clients.forRequest(UNRESTRICTED).register.load('persons', 'p1')).resolves.toEqual(person);
});

test('a 400 keeps the producer status, code and message for the resolver layer', async () => {
  const sources = await against({ status: 400, json: { code: 'invalid_parameter', message: 'organisation is not a uuid' } });
  const error = await sources.register.list('groups', { organisation: 'x' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamRejectedError);
  expect(error).toMatchObject({
    status: 400,
    code: 'invalid_parameter',
    upstreamMessage: 'organisation is not a uuid',
    path: 'GET /groups',
  });
});

test('a 403 without a JSON body is still a rejection with its status', async () => {
  const sources = await against({ status: 403, raw: 'Forbidden' });
  const error = await sources.grades.list('grades', {}).catch((e: unknown) => e);
  expect(isUpstreamRejected(error) && error.status).toBe(403);
});

test('asking a producer for a collection it does not own is a programming error', async () => {
  const sources = await against({ json: [] });
  await expect(sources.register.load('activities', 'a1')).rejects.toThrow(/belongs to the schedule producer/);
  await expect(sources.schedule.list('persons', {})).rejects.toThrow(/belongs to the register producer/);
  expect(producer?.received).toHaveLength(0);
});
