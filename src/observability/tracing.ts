// The process's OpenTelemetry tracing: W3C `traceparent` in and out, spans exported over OTLP/HTTP
// (JSON) when an endpoint is configured. Without one, trace and span ids are still made and
// propagated (a request's log lines, audit line and error extensions share its trace id, and a
// caller's or the gateway's trace id reaches subgraphs and producers), but no span is recorded.
//
// One tracer provider per service name, so that the embedded demo (gateway, four subgraphs and the
// demo producers in one process) reports each as its own service. The global provider (the one
// @apollo/gateway's spans go to) is registered once per process and never replaced: the API's proxy
// tracer keeps the first provider it found, so a second registration would lose Apollo's spans.
// Starting and stopping switch what the providers sample and where their spans go instead.
import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  type Sampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { TracingEnvironment } from '../config/env';

export interface TracingOptions {
  /** The process's own service (`gateway`, `subgraph-register` …); its spans carry it as `service.name`. */
  serviceName: string;
  /** Replaces `serviceName` in the exported `service.name` (OTEL_SERVICE_NAME). */
  serviceNameOverride?: string;
  /** The OTLP/HTTP traces URL (…/v1/traces). Without one nothing is exported. */
  endpoint?: string;
  /** Sent with every export (OTEL_EXPORTER_OTLP_HEADERS), e.g. the collector's API key. */
  headers?: Readonly<Record<string, string>>;
  /** OTEL_SDK_DISABLED: no trace context at all, nothing propagated or exported. */
  disabled?: boolean;
}

export interface Tracing {
  /** Exports the spans ended so far (tests; shutdown does it too). */
  flush(): Promise<void>;
  /** Exports what is left and stops exporting. */
  shutdown(): Promise<void>;
}

const TRACER_NAME = 'ss12000-gateway';
const NOT_RECORDING = new AlwaysOffSampler();

// What the providers do now: switched by startTracing / shutdown, read on every span.
let pipeline: { sampler: Sampler; processor?: SpanProcessor } = { sampler: NOT_RECORDING };
let processService: { name: string; override?: string } | undefined;
let running = false;
const providers = new Map<string, BasicTracerProvider>();

const switchingSampler: Sampler = {
  shouldSample: (...args) => pipeline.sampler.shouldSample(...args),
  toString: () => `switching(${pipeline.sampler.toString()})`,
};

const switchingProcessor: SpanProcessor = {
  onStart: (span, parent) => pipeline.processor?.onStart(span, parent),
  onEnd: (span) => pipeline.processor?.onEnd(span),
  forceFlush: async () => pipeline.processor?.forceFlush(),
  // The exporting processor is shut down by Tracing.shutdown; the providers live as long as the process.
  shutdown: async () => undefined,
};

const providerFor = (service: string): BasicTracerProvider => {
  let provider = providers.get(service);
  if (provider === undefined) {
    const name = service === processService?.name ? (processService.override ?? service) : service;
    provider = new BasicTracerProvider({
      resource: new Resource({ 'service.name': name }),
      sampler: switchingSampler,
      spanProcessors: [switchingProcessor],
    });
    providers.set(service, provider);
  }
  return provider;
};

const registerGlobals = (options: TracingOptions): void => {
  if (processService !== undefined) return;
  processService = { name: options.serviceName, override: options.serviceNameOverride };
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(providerFor(options.serviceName));
};

/**
 * The tracer of one service in this process: the process's own by default. Before tracing is
 * started it is the API's no-op tracer (no ids, nothing propagated, no cost).
 */
export const tracerFor = (service?: string): Tracer =>
  processService === undefined ? trace.getTracer(TRACER_NAME) : providerFor(service ?? processService.name).getTracer(TRACER_NAME);

/** Starts tracing for this process; one at a time (shut the previous one down first). */
export function startTracing(options: TracingOptions): Tracing {
  if (options.disabled) return { flush: async () => undefined, shutdown: async () => undefined };
  if (running) throw new Error('tracing is already started in this process: shut it down before starting it again');
  registerGlobals(options);
  const processor =
    options.endpoint === undefined
      ? undefined
      : new BatchSpanProcessor(new OTLPTraceExporter({ url: options.endpoint, headers: { ...options.headers } }));
  // The caller's sampling decision is honoured (a traceparent with flags 00 is not recorded); every root is.
  pipeline =
    processor === undefined ? { sampler: NOT_RECORDING } : { sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }), processor };
  running = true;
  return {
    flush: async () => processor?.forceFlush(),
    shutdown: async () => {
      if (pipeline.processor === processor) pipeline = { sampler: NOT_RECORDING };
      running = false;
      await processor?.shutdown();
    },
  };
}

/** Tracing for a process from its OTEL_* variables (src/config/env.ts). */
export const startProcessTracing = (serviceName: string, env: TracingEnvironment): Tracing =>
  startTracing({ serviceName, serviceNameOverride: env.serviceName, endpoint: env.endpoint, headers: env.headers, disabled: env.disabled });
