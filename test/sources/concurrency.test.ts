// maxConcurrency caps the requests in flight to one producer, however many callers fan out
// (pages() walks, loaders of several requests): the producer never sees more at once.
import { createSourceClients, UNRESTRICTED, type SourceClients } from '../../src/sources';
import { sourcesConfig } from './support/config';
import { startFakeProducer, type FakeProducer } from './support/fake-producer';

let producer: FakeProducer;
let clients: SourceClients;
let inFlight = 0;
let mostInFlight = 0;

beforeEach(async () => {
  inFlight = mostInFlight = 0;
  // Answers are held until two requests are waiting, then both are released: with a cap of 2
  // the walk proceeds in pairs; without a cap the producer would see all six at once.
  let waiting: (() => void)[] = [];
  producer = await startFakeProducer(async () => {
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === 2) {
        for (const release of waiting) release();
        waiting = [];
      }
    });
    inFlight -= 1;
    return { json: { data: [], pageToken: null } };
  });
  clients = createSourceClients(sourcesConfig(producer.url, { maxConcurrency: 2 }));
});

afterEach(async () => {
  await clients.close();
  await producer.close();
});

test('six concurrent lists over two requests never put more than maxConcurrency in flight', async () => {
  const [one, two] = [clients.forRequest(UNRESTRICTED).schedule, clients.forRequest(UNRESTRICTED).schedule];
  await Promise.all([one, two, one, two, one, two].map((source) => source.list('rooms', {})));
  expect(producer.received).toHaveLength(6);
  expect(mostInFlight).toBe(2);
});
