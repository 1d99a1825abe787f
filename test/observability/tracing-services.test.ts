import { Writable } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { pino } from 'pino';
import { currentTraceId, traceLogFields } from '../../src/observability/trace-ids';
import { startTracing, tracerFor } from '../../src/observability/tracing';
import { startOtlpReceiver, type OtlpReceiver } from '../support/otlp-receiver';

// One process, several services (the embedded demo): each reports under its own service.name, the
// process's own under OTEL_SERVICE_NAME when set; stopping exports what is left.
describe('tracing services in one process', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());

  it('outside a started tracing: no ids, nothing to log', () => {
    tracerFor('subgraph-grades').startActiveSpan('before', (span) => {
      expect(currentTraceId()).toBeUndefined();
      expect(traceLogFields()).toEqual({});
      span.end();
    });
  });

  it('names each service, the process’s own as overridden, and flushes on shutdown', async () => {
    const tracing = startTracing({ serviceName: 'subgraph-grades', serviceNameOverride: 'grades-eu-1', endpoint: receiver.url });
    // Log lines as config/logger.ts writes them: its mixin, through pino.
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { mixin: traceLogFields },
      new Writable({
        write: (chunk: Buffer, _encoding, done) => done(void lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)),
      }),
    );
    log.info({ before: 1 }, 'outside');
    const traceId = tracerFor().startActiveSpan('own', (own) => {
      expect(traceLogFields()).toEqual({ trace_id: own.spanContext().traceId, span_id: own.spanContext().spanId });
      log.info({ within: 1 }, 'inside');
      tracerFor('producer-grades').startActiveSpan('other', (other) => other.end());
      own.end();
      return own.spanContext().traceId;
    });
    log.info('outside again');
    expect(lines.map(({ msg, trace_id, span_id, before, within }) => ({ msg, trace_id, span_id, before, within }))).toEqual([
      { msg: 'outside', before: 1 },
      { msg: 'inside', trace_id: traceId, span_id: expect.stringMatching(/^[\da-f]{16}$/), within: 1 },
      { msg: 'outside again' },
    ]);
    expect(() => startTracing({ serviceName: 'gateway' })).toThrow(/already started/);
    await tracing.shutdown();
    const spans = receiver.spans().filter((span) => span.traceId === traceId);
    expect(spans.map((span) => [span.name, span.service]).sort()).toEqual([
      ['other', 'producer-grades'],
      ['own', 'grades-eu-1'],
    ]);
    expect(trace.getSpanContext(context.active())).toBeUndefined();
  });

  it('after shutdown, a new start exports again; ids are still made in between', async () => {
    const between = tracerFor().startSpan('between');
    expect(between.isRecording()).toBe(false);
    expect(between.spanContext().traceId).toMatch(/^[\da-f]{32}$/);
    between.end();
    const tracing = startTracing({ serviceName: 'subgraph-grades', endpoint: receiver.url });
    const again = tracerFor().startSpan('again');
    again.end();
    await tracing.shutdown();
    expect(receiver.spans().filter((span) => span.traceId === again.spanContext().traceId)).toEqual([
      expect.objectContaining({ name: 'again' }),
    ]);
    expect(receiver.spans().some((span) => span.name === 'between')).toBe(false);
  });
});
