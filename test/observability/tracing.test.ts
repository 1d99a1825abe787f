import { randomBytes } from 'node:crypto';
import { generateMunicipality } from '../../src/demo/generator';
import type { Dataset } from '../../src/demo/dataset';
import { auditCapture } from '../auth-e2e/support';
import { DEMO_KEYS, startE2E, type E2E, type GraphQLResponse } from '../support/e2e';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';

// A class of a school unit, its members, and the members' grades and absences: register, grades and
// attendance, each subgraph calling its producers (and the register's, for the row scope).
const UNIT_GRADES = `query UnitGrades($id: ID!) {
  group(id: $id) {
    displayName
    organisation { displayName }
    groupMemberships { person { givenName grades { gradeValue } absences { type } } }
  }
}`;

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const HEX_TRACE_ID = /^(?!0{32})[\da-f]{32}$/;

/** A caller's trace context: the gateway's server span continues it. */
const callerTrace = (): { traceId: string; parentId: string; traceparent: string } => {
  const traceId = hex(16);
  const parentId = hex(8);
  return { traceId, parentId, traceparent: `00-${traceId}-${parentId}-01` };
};

const post = async (stack: E2E, body: unknown, headers: Record<string, string>): Promise<GraphQLResponse & { status: number }> => {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as GraphQLResponse) };
};

const schoolClass = (dataset: Dataset): string =>
  [...dataset.groups.values()].find((g) => g.groupType === 'Klass' && (g.groupMemberships ?? []).length > 0)!.id;

describe('tracing', () => {
  let dataset: Dataset;
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    dataset = generateMunicipality({ students: 120, studentsPerUnit: 60 });
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());

  // First in the file on purpose: the process's tracer provider is registered here, and the exporting
  // stack below must still get @apollo/gateway's spans (its tracer keeps the provider it first found).
  describe('without an OTLP endpoint', () => {
    let stack: E2E | undefined;
    beforeAll(async () => {
      stack = await startE2E({ dataset, tracing: {} });
    });
    afterAll(() => stack?.close());
    const e2e = (): E2E => stack!;

    it('answers as usual, propagates the caller’s trace to every producer and names it in errors', async () => {
      const stack = e2e();
      const caller = callerTrace();
      const joined = await post(
        stack,
        { query: UNIT_GRADES, variables: { id: schoolClass(dataset) } },
        { authorization: `Bearer ${DEMO_KEYS.full}`, traceparent: caller.traceparent },
      );
      expect(joined.errors).toBeUndefined();
      expect(joined.data?.['group']).not.toBeNull();
      for (const name of ['register', 'grades', 'attendance'] as const) expect(stack.producers[name].traceIds()).toContain(caller.traceId);

      const failed = await post(
        stack,
        { query: '{ person(id: "not an id!") { id } }' },
        { authorization: `Bearer ${DEMO_KEYS.full}`, traceparent: callerTrace().traceparent },
      );
      const own = await post(stack, { query: '{ person(id: "not an id!") { id } }' }, { authorization: `Bearer ${DEMO_KEYS.full}` });
      expect(failed.errors![0]!.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'id',
        traceId: expect.stringMatching(HEX_TRACE_ID),
      });
      // Without a caller's trace the gateway starts one: still an id to quote.
      expect(own.errors![0]!.extensions!['traceId']).toMatch(HEX_TRACE_ID);
      expect(own.errors![0]!.extensions!['traceId']).not.toBe(failed.errors![0]!.extensions!['traceId']);
    });

    it('exports nothing, not even when stopped', async () => {
      await e2e().close();
      stack = undefined;
      expect(receiver.requests()).toBe(0);
    });
  });

  describe('with an OTLP endpoint', () => {
    let stack: E2E;
    const audit = auditCapture();
    beforeAll(async () => {
      stack = await startE2E({ dataset, audit: audit.logger, tracing: { endpoint: receiver.url } });
    });
    afterAll(() => stack.close());

    const byId = (spans: ReceivedSpan[]): Map<string, ReceivedSpan> => new Map(spans.map((span) => [span.spanId, span]));
    const childrenOf = (spans: ReceivedSpan[], parent: ReceivedSpan): ReceivedSpan[] =>
      spans.filter((span) => span.parentSpanId === parent.spanId);
    const producerCalls = (spans: ReceivedSpan[]): ReceivedSpan[] =>
      spans.filter((span) => span.kind === 'client' && span.attributes['ss12000.producer'] !== undefined);
    const fetches = (spans: ReceivedSpan[]): ReceivedSpan[] => spans.filter((span) => span.name === 'gateway.fetch');

    // Server spans end as their answer is sent, so the last ones may arrive after the response: read
    // until the tree is whole (every fetch and producer call has its server span), or give up and assert.
    const traceOf = async (traceId: string): Promise<ReceivedSpan[]> => {
      let spans: ReceivedSpan[] = [];
      for (let attempt = 0; attempt < 100; attempt += 1) {
        await stack.tracing!.flush();
        spans = receiver.spans().filter((span) => span.traceId === traceId);
        const root = spans.some((span) => span.service === 'gateway' && span.kind === 'server');
        const whole = [...fetches(spans), ...producerCalls(spans)].every((call) =>
          childrenOf(spans, call).some((child) => child.kind === 'server'),
        );
        if (root && whole) return spans;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return spans;
    };

    const ancestors = (spans: ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] => {
      const index = byId(spans);
      const chain: ReceivedSpan[] = [];
      for (let parent = index.get(span.parentSpanId ?? ''); parent; parent = index.get(parent.parentSpanId ?? '')) chain.push(parent);
      return chain;
    };

    it('exports one tree for a joined query: gateway → plan/execute → fetch → subgraph → producer call → producer', async () => {
      const caller = callerTrace();
      const response = await post(
        stack,
        { query: UNIT_GRADES, variables: { id: schoolClass(dataset) }, operationName: 'UnitGrades' },
        { authorization: `Bearer ${DEMO_KEYS.full}`, traceparent: caller.traceparent },
      );
      expect(response.errors).toBeUndefined();
      const spans = await traceOf(caller.traceId);

      // The gateway's server span continues the caller's trace; Apollo's spans hang below it.
      const roots = spans.filter((span) => span.parentSpanId === caller.parentId);
      expect(roots).toEqual([
        expect.objectContaining({
          service: 'gateway',
          kind: 'server',
          name: 'POST /graphql',
          attributes: expect.objectContaining({ 'http.response.status_code': 200 }),
        }),
      ]);
      const root = roots[0]!;
      const request = childrenOf(spans, root).find((span) => span.name === 'gateway.request')!;
      expect(request).toBeDefined();
      const stages = childrenOf(spans, request).map((span) => span.name);
      expect(stages).toEqual(expect.arrayContaining(['gateway.plan', 'gateway.execute']));

      // One fetch span per subgraph call, each the parent of exactly that subgraph's server span.
      const subgraphsFetched = new Set<string>();
      for (const fetch of fetches(spans)) {
        expect(ancestors(spans, fetch).map((span) => span.name)).toContain('gateway.execute');
        const subgraph = String(fetch.attributes['service']);
        subgraphsFetched.add(subgraph);
        expect(childrenOf(spans, fetch)).toEqual([
          expect.objectContaining({ service: `subgraph-${subgraph}`, kind: 'server', name: 'POST /graphql' }),
        ]);
      }
      expect([...subgraphsFetched].sort()).toEqual(['attendance', 'grades', 'register']);

      // Every producer call is a child of the subgraph server span that made it, and the producer's server span a child of the call.
      const calls = producerCalls(spans);
      const producersCalled = new Set(calls.map((call) => String(call.attributes['ss12000.producer'])));
      expect([...producersCalled].sort()).toEqual(expect.arrayContaining(['attendance', 'grades', 'register']));
      for (const call of calls) {
        const parent = byId(spans).get(call.parentSpanId ?? '')!;
        expect(parent).toMatchObject({ kind: 'server', service: call.service });
        expect(parent.service).toMatch(/^subgraph-/);
        expect(call.name).toBe(`${String(call.attributes['http.request.method'])} ${String(call.attributes['url.template'])}`);
        expect(call.attributes['http.response.status_code']).toBe(200);
        const producer = String(call.attributes['ss12000.producer']);
        expect(childrenOf(spans, call)).toEqual([expect.objectContaining({ service: `producer-${producer}`, kind: 'server' })]);
      }
      for (const name of ['register', 'grades', 'attendance'] as const) expect(stack.producers[name].traceIds()).toContain(caller.traceId);

      // Attributes name routes and producers, never a value: no query string, id or civic number.
      const values = spans.flatMap((span) => Object.values(span.attributes)).filter((value): value is string => typeof value === 'string');
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(value).not.toMatch(/\?|[\da-f]{8}-[\da-f]{4}-|\d{8}/i);

      // The request's audit line names the trace.
      expect(audit.lines().filter((line) => line['operationName'] === 'UnitGrades')).toEqual([
        expect.objectContaining({ trace_id: caller.traceId }),
      ]);
    });

    it('names the trace in an error response, and that trace is exported', async () => {
      const failed = await post(stack, { query: '{ person(id: "not an id!") { id } }' }, { authorization: `Bearer ${DEMO_KEYS.full}` });
      const traceId = String(failed.errors![0]!.extensions!['traceId']);
      expect(traceId).toMatch(HEX_TRACE_ID);
      expect(failed.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'id', traceId });
      const spans = await traceOf(traceId);
      expect(spans.filter((span) => span.parentSpanId === undefined)).toEqual([
        expect.objectContaining({ service: 'gateway', kind: 'server' }),
      ]);

      // Refused before GraphQL runs (401): the body names the trace too.
      const refused = await post(stack, { query: '{ persons(first: 1) { edges { node { id } } } }' }, {});
      expect(refused.status).toBe(401);
      const refusedTrace = String(refused.errors![0]!.extensions!['traceId']);
      expect(refused.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', traceId: refusedTrace });
      expect(await traceOf(refusedTrace)).toEqual([
        expect.objectContaining({
          service: 'gateway',
          kind: 'server',
          attributes: expect.objectContaining({ 'http.response.status_code': 401 }),
        }),
      ]);
    });
  });
});
