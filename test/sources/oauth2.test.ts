// OAuth2 client credentials as EduCloud issues them: a token is fetched once, shared by
// concurrent requests, refreshed shortly before it expires and once when the producer answers 401.
import { createSourceClients, UNRESTRICTED, UpstreamRejectedError, type SourceClients } from '../../src/sources';
import { createTokenProvider } from '../../src/sources/shared/auth';
import { sourcesConfig } from './support/config';
import { startFakeProducer, type FakeProducer } from './support/fake-producer';

let tokenEndpoint: FakeProducer;
let producer: FakeProducer;
let clients: SourceClients | undefined;
/** The token the producer currently accepts; the token endpoint hands out the next one. */
let issued = 0;
let accepted: string;

beforeEach(async () => {
  issued = 0;
  tokenEndpoint = await startFakeProducer(({ body }) => {
    const form = new URLSearchParams(String(body));
    if (form.get('client_secret') !== 'secret') return { status: 401, json: { error: 'invalid_client', error_description: 'bad secret' } };
    issued += 1;
    accepted = `token-${issued}`;
    return { json: { access_token: accepted, token_type: 'Bearer', expires_in: 3600 } };
  });
  producer = await startFakeProducer(({ authorization }) =>
    authorization === `Bearer ${accepted}`
      ? { json: { data: [], pageToken: null } }
      : { status: 401, json: { code: 'unauthorized', message: 'token' } },
  );
});

afterEach(async () => {
  await clients?.close();
  clients = undefined;
  await Promise.all([tokenEndpoint.close(), producer.close()]);
});

const oauth2 = (clientSecret = 'secret') => ({
  kind: 'oauth2' as const,
  tokenUrl: `${tokenEndpoint.url}/oauth2/token`,
  clientId: 'municipality.supplier',
  clientSecret,
  scope: 'activities grades',
});

test('the token request is a client-credentials form post with id, secret and scope', async () => {
  clients = createSourceClients(sourcesConfig(producer.url, { auth: oauth2() }));
  await clients.forRequest(UNRESTRICTED).schedule.list('rooms', {});
  const form = new URLSearchParams(String(tokenEndpoint.received[0]?.body));
  expect(Object.fromEntries(form)).toEqual({
    grant_type: 'client_credentials',
    client_id: 'municipality.supplier',
    client_secret: 'secret',
    scope: 'activities grades',
  });
  expect(producer.received[0]?.authorization).toBe('Bearer token-1');
});

test('concurrent requests and later requests share one token', async () => {
  clients = createSourceClients(sourcesConfig(producer.url, { auth: oauth2() }));
  const { schedule } = clients.forRequest(UNRESTRICTED);
  await Promise.all([schedule.list('rooms', {}), schedule.list('resources', {}), schedule.list('activities', {})]);
  await clients.forRequest(UNRESTRICTED).schedule.list('rooms', {});
  expect(tokenEndpoint.received).toHaveLength(1);
  expect(producer.received.map((r) => r.authorization)).toEqual(Array(4).fill('Bearer token-1'));
});

test('a 401 from the producer fetches a fresh token and retries once', async () => {
  clients = createSourceClients(sourcesConfig(producer.url, { auth: oauth2() }));
  await clients.forRequest(UNRESTRICTED).schedule.list('rooms', {});
  accepted = 'rotated-by-the-issuer';
  await clients.forRequest(UNRESTRICTED).schedule.list('rooms', {});
  expect(tokenEndpoint.received).toHaveLength(2);
  expect(producer.received.map((r) => r.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
});

test('a producer that keeps answering 401 is a rejection after one retry, not a loop', async () => {
  const stubborn = await startFakeProducer(() => ({ status: 401, json: { code: 'unauthorized', message: 'no' } }));
  clients = createSourceClients(sourcesConfig(stubborn.url, { auth: oauth2() }));
  await expect(clients.forRequest(UNRESTRICTED).schedule.list('rooms', {})).rejects.toMatchObject({
    name: 'UpstreamRejectedError',
    status: 401,
  });
  expect(stubborn.received).toHaveLength(2);
  await stubborn.close();
});

test('a token is refreshed shortly before expires_in, not after', async () => {
  let now = 0;
  const provider = createTokenProvider('grades', oauth2(), { timeoutMs: 5_000, now: () => now });
  expect(await provider.token()).toBe('token-1');
  now = 3_530_000; // 58 min 50 s of 60: still good
  expect(await provider.token()).toBe('token-1');
  now = 3_550_000; // 59 min 10 s: inside the one-minute refresh margin
  expect(await provider.token()).toBe('token-2');
  now = 3_550_000 + 1_000_000;
  expect(await provider.token()).toBe('token-2');
  await provider.close();
});

test('a refused client secret is an UpstreamRejectedError carrying the OAuth2 error code', async () => {
  clients = createSourceClients(sourcesConfig(producer.url, { auth: oauth2('wrong') }));
  const error = await clients
    .forRequest(UNRESTRICTED)
    .grades.list('grades', {})
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamRejectedError);
  expect(error).toMatchObject({ producer: 'grades', status: 401, code: 'invalid_client', path: 'POST /oauth2/token (token)' });
  expect(producer.received).toHaveLength(0);
});
