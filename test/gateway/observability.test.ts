// Operating the gateway: GET /healthz for probes, GET /metrics (Prometheus) behind its own token,
// on the gateway and on every subgraph. Metrics count by producer, route, supplier and code only.
import { startE2E, type E2E } from '../support/e2e';

const METRICS_TOKEN = 'metrics-token-for-tests';

describe('health and metrics', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 120, metricsToken: METRICS_TOKEN });
  });
  afterAll(() => stack.close());

  const get = (url: string, path: string, token?: string) =>
    fetch(new URL(path, url), { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  it('/healthz answers without credentials on the gateway and on each subgraph', async () => {
    for (const url of [stack.gatewayUrl, ...Object.values(stack.subgraphUrls)]) {
      const response = await get(url, '/healthz');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    }
  });

  it('/metrics needs the metrics token: no token and a supplier key are both 401', async () => {
    expect((await get(stack.gatewayUrl, '/metrics')).status).toBe(401);
    expect((await get(stack.gatewayUrl, '/metrics', 'demo-full-key')).status).toBe(401);
    expect((await get(stack.subgraphUrls.register, '/metrics', 'demo-full-key')).status).toBe(401);
  });

  it('counts gateway requests by supplier and status, errors by code, producer calls by route and outcome', async () => {
    const groups = await stack.query(
      '{ groups(first: 3) { edges { node { displayName groupMemberships { person { givenName familyName } } } } } }',
    );
    expect(groups.errors).toBeUndefined();
    await stack.query('{ grades(first: 1) { edges { node { id } } } }', undefined, { apiKey: 'demo-lms-key' });
    await stack.query('{ persons(first: 1) { edges { node { id } } } }', undefined, { apiKey: null });
    const response = await get(stack.gatewayUrl, '/metrics', METRICS_TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^gateway_request_duration_seconds_count\{supplier="demo-full",status="ok"\} [1-9]/m);
    expect(text).toMatch(/^gateway_request_duration_seconds_count\{supplier="demo-lms",status="partial"\} [1-9]/m);
    expect(text).toMatch(/^gateway_request_duration_seconds_count\{supplier="none",status="unauthenticated"\} [1-9]/m);
    expect(text).toMatch(/^gateway_errors_total\{code="FORBIDDEN"\} [1-9]/m);
    expect(text).toMatch(
      /^ss12000_producer_request_duration_seconds_count\{producer="register",route="GET \/groups",outcome="200"\} [1-9]/m,
    );
    expect(text).toMatch(/^process_resident_memory_bytes /m);
    // Nothing of the data: no name the answer held.
    const names = groups.data!['groups'] as { edges: { node: { displayName: string } }[] };
    for (const { node } of names.edges) expect(text).not.toContain(node.displayName);
  });

  it('a producer that does not answer is counted as such', async () => {
    stack.producers.grades.setFaults({ errorRate: 1 });
    try {
      await stack.query('{ grades(first: 1) { edges { node { id } } } }');
    } finally {
      stack.producers.grades.setFaults({ errorRate: 0 });
    }
    const text = await (await get(stack.subgraphUrls.grades, '/metrics', METRICS_TOKEN)).text();
    expect(text).toMatch(
      /^ss12000_producer_request_duration_seconds_count\{producer="grades",route="GET \/grades",outcome="5\d\d"\} [1-9]/m,
    );
    expect(text).toMatch(/^gateway_errors_total\{code="UPSTREAM_UNAVAILABLE"\} [1-9]/m);
  });
});
