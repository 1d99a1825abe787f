// A producer that accepts fewer ids than configured answers 503 "too large": the batch is
// halved until it fits, so the gateway still works, only with more calls.
import { createSourceClients, UNRESTRICTED, type SourceClients } from '../../src/sources';
import { sourcesConfig } from './support/config';
import { datasetAnswers } from './support/dataset-producer';
import { startFakeProducer, type FakeProducer } from './support/fake-producer';
import { idsOf, municipality } from './support/municipality';

let producer: FakeProducer | undefined;
let clients: SourceClients | undefined;

afterEach(async () => {
  await clients?.close();
  await producer?.close();
});

test('a batch of 40 against a producer limited to 12 ids is split until every part fits', async () => {
  producer = await startFakeProducer(datasetAnswers(municipality(), { maxLookupIds: 12 }));
  clients = createSourceClients(sourcesConfig(producer.url, { maxBatchSize: 40 }));
  const ids = idsOf(municipality().persons, 40);
  const persons = await clients.forRequest(UNRESTRICTED).register.loadMany('persons', ids);
  expect(persons.map((p) => p?.id)).toEqual(ids);
  const sizes = producer.received.map((r) => (r.body as { ids: string[] }).ids.length);
  // 40 → 20+20 → 10+10+10+10: three refused calls, then four that fit.
  expect(sizes.filter((n) => n > 12).sort()).toEqual([20, 20, 40]);
  expect(sizes.filter((n) => n <= 12)).toEqual([10, 10, 10, 10]);
});

test('when even one id is too large, the 503 stands as UpstreamUnavailableError', async () => {
  producer = await startFakeProducer(() => ({ status: 503, json: { code: 'too_large', message: 'always' } }));
  clients = createSourceClients(sourcesConfig(producer.url, { maxBatchSize: 8 }));
  const ids = idsOf(municipality().persons, 4);
  await expect(clients.forRequest(UNRESTRICTED).register.loadMany('persons', ids)).rejects.toMatchObject({
    name: 'UpstreamUnavailableError',
    status: 503,
    producer: 'register',
  });
  // 4 → 2+2 → 1+1+1+1; the halves run concurrently, so how many were sent when the first single failed varies.
  const sizes = producer.received.map((r) => (r.body as { ids: string[] }).ids.length);
  expect(sizes.slice(0, 3)).toEqual([4, 2, 2]);
  expect(sizes).toContain(1);
});

test('one malformed id (400) fails only its own load, not the others in its batch', async () => {
  const answer = datasetAnswers(municipality());
  producer = await startFakeProducer((request) => {
    const ids = (request.body as { ids: string[] }).ids;
    return ids.includes('3564439') ? { status: 400, json: { code: 'invalid_id', message: 'ids must be uuids' } } : answer(request);
  });
  clients = createSourceClients(sourcesConfig(producer.url));
  const [a, b, c] = idsOf(municipality().organisations, 3) as [string, string, string];
  const { register } = clients.forRequest(UNRESTRICTED);
  const results = await Promise.allSettled([a, '3564439', b, c].map((id) => register.load('organisations', id)));
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  expect(results[1]).toMatchObject({ reason: { name: 'UpstreamRejectedError', status: 400, code: 'invalid_id' } });
});
