// Closing drains requests in flight for the grace period and then stops at once: a request stuck on
// a hung producer does not hold the gateway (or its pools) open for the producer's 120 s hold.
import { startE2E } from '../support/e2e';

test('close() cuts a request still in flight after the grace period instead of waiting for the producer', async () => {
  const stack = await startE2E({ students: 40, requestTimeoutMs: 60_000, shutdownGraceMs: 500, tuning: { timeoutMs: 60_000 } });
  stack.producers.schedule.setFaults({ timeoutRate: 1 });
  const inFlight = stack.query('{ rooms(first: 1) { edges { node { id } } } }').then(
    (answer) => answer.status,
    () => 'cut' as const,
  );
  // Let the request reach the hung producer.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const started = Date.now();
  await stack.close();
  // Grace 0.5 s, then every layer stops; the producer alone would hold the request for 120 s.
  expect(Date.now() - started).toBeLessThan(10_000);
  // And the caller is not left waiting either: its request ends (cut or answered) well before the hold.
  await inFlight;
  expect(Date.now() - started).toBeLessThan(10_000);
});
