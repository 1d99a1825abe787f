// The producer client's resilience over real HTTP: retries (bounded, Retry-After honoured), a 503 that
// is overload is retried and never split, timeouts that include the wait for a slot, the request
// deadline, and the circuit breaker per producer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsText } from '../../src/observability/metrics';
import { createSourceClients, UNRESTRICTED, type ProducerConfig, type SourceClients } from '../../src/sources';
import { deadlineFromHeader, withDeadline } from '../../src/sources/shared/deadline';
import { isQueueTimeout } from '../../src/sources/shared/resilience';
import { sourcesConfig } from './support/config';
import { idsOf, municipality } from './support/municipality';

interface Seen {
  at: number;
  path: string;
  body: string;
}
type Answer = (seen: Seen, index: number) => { status?: number; json?: unknown; headers?: Record<string, string> } | 'hang';

let server: ReturnType<typeof createServer> | undefined;
let clients: SourceClients | undefined;
let seen: Seen[] = [];

afterEach(async () => {
  await clients?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = clients = undefined;
  seen = [];
});

async function producer(answer: Answer, tuning: Partial<ProducerConfig> = {}): Promise<SourceClients> {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const one = { at: Date.now(), path: new URL(request.url ?? '/', 'http://x').pathname, body: Buffer.concat(chunks).toString() };
      seen.push(one);
      const reply = answer(one, seen.length - 1);
      if (reply === 'hang') return;
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      response.end(JSON.stringify(reply.json ?? null));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  clients = createSourceClients(sourcesConfig(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, tuning), {
    validatePayloads: false,
  });
  return clients;
}

const OVERLOADED = { status: 503, json: { code: 'ServiceUnavailable', message: 'Injected fault: producer unavailable' } };

test('a 503 that is overload is retried with the whole batch, never split, and the answer is whole', async () => {
  const ids = idsOf(municipality().persons, 4);
  const sources = (await producer((_seen, index) => (index < 2 ? OVERLOADED : { json: ids.map((id) => ({ id })) }))).forRequest(
    UNRESTRICTED,
  );
  const persons = await sources.register.loadMany('persons', ids);
  expect(persons.map((p) => (p as { id: string } | null)?.id)).toEqual(ids);
  expect(seen.map((s) => (JSON.parse(s.body) as { ids: string[] }).ids.length)).toEqual([4, 4, 4]);
  expect(await metricsText()).toMatch(/ss12000_producer_retries_total\{producer="register",reason="503"\} \d+/);
});

test('a 503 that says the lookup is too large is split, not retried', async () => {
  const ids = idsOf(municipality().persons, 4);
  const sources = (
    await producer((one) => {
      const asked = (JSON.parse(one.body) as { ids: string[] }).ids;
      return asked.length > 2
        ? { status: 503, json: { code: 'TooLarge', message: 'Lookup asks for 4 keys; at most 2' } }
        : { json: asked.map((id) => ({ id })) };
    })
  ).forRequest(UNRESTRICTED);
  await sources.register.loadMany('persons', ids);
  expect(seen.map((s) => (JSON.parse(s.body) as { ids: string[] }).ids.length)).toEqual([4, 2, 2]);
});

test('retries stop after maxAttempts, and Retry-After is waited for', async () => {
  const sources = (await producer(() => ({ ...OVERLOADED, headers: { 'retry-after': '1' } }), { maxAttempts: 3 })).forRequest(UNRESTRICTED);
  await expect(sources.schedule.list('rooms', {})).rejects.toMatchObject({ name: 'UpstreamUnavailableError', status: 503 });
  expect(seen).toHaveLength(3);
  // One second asked for between attempts (generous lower bound: timers may fire a little early).
  expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(900);
  expect(seen[2]!.at - seen[1]!.at).toBeGreaterThanOrEqual(900);
});

test('a 4xx is not retried', async () => {
  const sources = (await producer(() => ({ status: 400, json: { code: 'BadRequest', message: 'no' } }))).forRequest(UNRESTRICTED);
  await expect(sources.schedule.list('rooms', {})).rejects.toMatchObject({ name: 'UpstreamRejectedError', status: 400 });
  expect(seen).toHaveLength(1);
});

test('the timeout includes the wait for a slot: calls queued behind a hung one give up at their own timeout', async () => {
  const sources = (await producer(() => 'hang', { maxConcurrency: 1, timeoutMs: 500, maxAttempts: 1 })).forRequest(UNRESTRICTED);
  const started = Date.now();
  const errors = await Promise.all(Array.from({ length: 6 }, () => sources.schedule.list('rooms', {}).catch((e: unknown) => e)));
  // Six 500 ms timeouts one after another (each starting once the slot is free) would take 3 s; they all run out together.
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(errors.every((e) => (e as { reason?: string }).reason === 'timeout')).toBe(true);
  // The five behind the hung call time out waiting for the slot. One whose timer falls due in the same
  // moment the hung call lets go of the slot may take it first and time out there: still one request.
  expect(errors.filter(isQueueTimeout).length).toBeGreaterThanOrEqual(4);
  expect(seen).toHaveLength(1);
});

test('the request deadline cuts a call long before the producer timeout', async () => {
  const sources = (await producer(() => 'hang', { timeoutMs: 30_000 })).forRequest(UNRESTRICTED);
  const started = Date.now();
  const error = await withDeadline(Date.now() + 300, () => sources.grades.list('grades', {})).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'UpstreamUnavailableError', reason: 'timeout', producer: 'grades' });
  expect(Date.now() - started).toBeLessThan(5_000);
});

test('consecutive failures open the breaker: calls fail at once without being sent; one probe closes it again', async () => {
  let healthy = false;
  const clientsHere = await producer(() => (healthy ? { json: { data: [], pageToken: null } } : { status: 502, json: {} }), {
    maxAttempts: 1,
    breakerFailures: 3,
    breakerHalfOpenAfterMs: 500,
  });
  const sources = clientsHere.forRequest(UNRESTRICTED);
  for (let i = 0; i < 3; i += 1) await expect(sources.schedule.list('rooms', {})).rejects.toMatchObject({ status: 502 });
  expect(clientsHere.breakers().schedule).toBe('open');
  expect(clientsHere.breakers().register).toBe('closed');
  await expect(sources.schedule.list('rooms', {})).rejects.toMatchObject({
    reason: 'circuit-open',
    producer: 'schedule',
    message: expect.stringContaining("'schedule'"),
  });
  expect(seen).toHaveLength(3);
  expect(await metricsText()).toMatch(/ss12000_producer_circuit_state\{producer="schedule"\} 2/);

  healthy = true;
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(clientsHere.breakers().schedule).toBe('half-open');
  // The probe and the calls that wait on it all succeed.
  await expect(Promise.all([sources.schedule.list('rooms', {}), sources.schedule.list('rooms', {})])).resolves.toHaveLength(2);
  expect(clientsHere.breakers().schedule).toBe('closed');
});

test('a subgraph reads the budget header into a whole-millisecond deadline a little before the gateway’s', () => {
  expect(deadlineFromHeader('893', 250, 1_000)).toBe(1_000 + 803);
  expect(deadlineFromHeader('5000', 250, 1_000)).toBe(1_000 + 4_750);
  expect(deadlineFromHeader(undefined, 250, 1_000)).toBeUndefined();
  expect(deadlineFromHeader('soon', 250, 1_000)).toBeUndefined();
  // At most ten minutes are believed.
  expect(deadlineFromHeader('999999999', 250, 0)).toBe(600_000 - 250);
});
