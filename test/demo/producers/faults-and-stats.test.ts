// Fault knobs and request counters, as the gateway's resilience tests and benchmarks use them.
import type { FaultSettings } from '../../../src/demo/producers/faults';
import { validatorFor } from '../../../src/ss12000/spec-validator';
import { startDemo, type Demo } from './harness';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo({ faults: { grades: { errorRate: 1 } } });
});
afterAll(() => demo.running.close());
afterEach(() => {
  for (const p of Object.values(demo.running.producers)) p.setFaults({ latencyMs: 0, errorRate: 0, timeoutRate: 0, malformedRate: 0 });
});

const personId = (): string => demo.dataset.persons.values().next().value!.id;

describe('faults', () => {
  it('errorRate set at start makes every request a 503 {code, message}', async () => {
    const answer = await demo.get('grades', '/grades?limit=1');
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ code: 'ServiceUnavailable', message: expect.any(String) });
  });

  it('errorRate 0 set at run time through the method heals the producer', async () => {
    demo.running.producers.grades.setFaults({ errorRate: 0 });
    expect((await demo.get('grades', '/grades?limit=1')).status).toBe(200);
  });

  it('PUT /_faults changes the knobs at run time and answers the current settings', async () => {
    const put = await demo.call('register', 'PUT', '/_faults', { body: { errorRate: 1 } });
    expect(put.body).toEqual({ latencyMs: 0, errorRate: 1, timeoutRate: 0, malformedRate: 0, ignoreFilters: [], reverseRows: false });
    expect((await demo.get('register', '/organisations')).status).toBe(503);
    await demo.call('register', 'PUT', '/_faults', { body: { errorRate: 0 } });
    expect((await demo.get('register', '/organisations')).status).toBe(200);
  });

  it('rejects settings that make no sense', async () => {
    expect((await demo.call('register', 'PUT', '/_faults', { body: { errorRate: 2 } })).status).toBe(400);
    expect((await demo.call('register', 'PUT', '/_faults', { body: { jitter: 1 } })).status).toBe(400);
    expect(() => demo.running.producers.register.setFaults({ latencyMs: -1 })).toThrow(RangeError);
  });

  it('latencyMs delays the answer: a client that waits less than the delay gets none', async () => {
    const p = demo.running.producers.register;
    p.setFaults({ latencyMs: 5000 });
    const attempt = fetch(`${p.url}/organisations?limit=1`, {
      headers: { authorization: `Bearer ${p.token}` },
      signal: AbortSignal.timeout(300),
    });
    await expect(attempt).rejects.toThrow();
  });

  it('timeoutRate 1 holds the request open until the client gives up', async () => {
    demo.running.producers.schedule.setFaults({ timeoutRate: 1 });
    const p = demo.running.producers.schedule;
    const attempt = fetch(`${p.url}/rooms`, { headers: { authorization: `Bearer ${p.token}` }, signal: AbortSignal.timeout(300) });
    await expect(attempt).rejects.toThrow();
    p.setFaults({ timeoutRate: 0 });
    expect((await demo.get('schedule', '/rooms?limit=1')).status).toBe(200);
  });

  // Starts its own demo with `faults` on the register producer, sends one request, closes the demo
  // once the producer has it (it counts before any fault), and says how the request ended.
  const closeWhileWaiting = async (faults: Partial<FaultSettings>): Promise<number | 'cut'> => {
    const own = await startDemo({ dataset: demo.dataset, faults: { register: faults } });
    const p = own.running.producers.register;
    const pending = fetch(`${p.url}/organisations`, { headers: { authorization: `Bearer ${p.token}` } }).then(
      (res) => res.status,
      () => 'cut' as const,
    );
    while (p.stats().total === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await own.running.close();
    return pending;
  };
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

  it('close() ends requests the timeout fault is holding', async () => {
    expect(await closeWhileWaiting({ timeoutRate: 1 })).toBe('cut');
  });

  it('close() ends requests the latency fault is delaying, and leaves no timer behind', async () => {
    const before = timers();
    expect(await closeWhileWaiting({ latencyMs: 60_000 })).toBe('cut');
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('malformedRate 1 alternates a body that is not JSON with JSON that breaks the schema', async () => {
    demo.running.producers.register.setFaults({ malformedRate: 1 });
    const notJson = await demo.get('register', '/organisations?limit=2');
    expect(notJson.status).toBe(200);
    expect(() => JSON.parse(notJson.text)).toThrow();
    const offSchema = await demo.get('register', '/organisations?limit=2');
    expect(offSchema.status).toBe(200);
    expect(validatorFor('Organisations')(offSchema.body).ok).toBe(false);
  });
});

describe('request counters', () => {
  it('count every request per route, as the spec spells the route', async () => {
    const register = demo.running.producers.register;
    register.resetStats();
    await demo.get('register', '/persons?limit=2');
    await demo.get('register', '/persons?limit=3');
    await demo.get('register', `/persons/${personId()}`);
    await demo.post('register', '/persons/lookup', { ids: [personId()] });
    await demo.get('register', '/nowhere');
    expect(register.stats()).toEqual({
      total: 5,
      byRoute: { 'GET /persons': 2, 'GET /persons/{id}': 1, 'POST /persons/lookup': 1, 'GET (unmatched)': 1 },
    });
  });

  it('are served on GET /_stats (not counted, same token) and reset by POST /_stats/reset', async () => {
    await demo.get('schedule', '/rooms');
    const stats = await demo.get('schedule', '/_stats');
    expect(stats.body.byRoute['GET /rooms']).toBeGreaterThanOrEqual(1);
    expect(stats.body.byRoute['GET /_stats']).toBeUndefined();
    expect((await demo.call('schedule', 'GET', '/_stats', { authorization: null })).status).toBe(401);
    expect((await demo.call('schedule', 'PUT', '/_faults', { body: { errorRate: 1 }, authorization: 'Bearer wrong' })).status).toBe(403);
    expect((await demo.get('schedule', '/_faults')).body.errorRate).toBe(0);
    expect((await demo.call('schedule', 'POST', '/_stats/reset')).status).toBe(204);
    expect(demo.running.producers.schedule.stats()).toEqual({ total: 0, byRoute: {} });
  });
});
