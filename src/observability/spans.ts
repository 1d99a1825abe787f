// The spans this project makes itself (@apollo/gateway makes its own): a SERVER span per request our
// HTTP fronts serve, a CLIENT span per producer call, and the trace ids logs and errors carry.
// Attributes name methods, route templates, producers and statuses, never a query string, an id or
// any other value of the data (a filter can carry a civic number).
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  createContextKey,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { tracerFor } from './tracing';

// The tracer of the service serving the request (one process may hold several: the embedded demo),
// so that the producer calls a subgraph makes are reported as that subgraph's.
const SERVICE_TRACER = createContextKey('ss12000 service tracer');

/** Adds `traceparent` (the active span's) to outgoing request headers. */
export const injectTraceContext = (headers: Record<string, string>): void => propagation.inject(context.active(), headers);

/**
 * Runs `handle` in a SERVER span named by the route template (without one, `handle` names it once known) of `service` that continues the request's `traceparent`, if any.
 * The parent is read from the headers only, never from the context the server happens to run in:
 * in the embedded demo, client and server share one process.
 */
export function serveInSpan<T>(
  service: string | undefined,
  request: IncomingMessage,
  response: ServerResponse,
  route: string | undefined,
  handle: (span: Span) => Promise<T>,
): Promise<T> {
  const tracer = tracerFor(service);
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const method = request.method ?? 'GET';
  const span = tracer.startSpan(
    route === undefined ? method : `${method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, ...(route === undefined ? {} : { 'http.route': route }) } },
    parent,
  );
  response.once('close', () => {
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500 || !response.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(parent, span).setValue(SERVICE_TRACER, tracer), () => handle(span));
}

/** Runs `call` in a CLIENT span of the service being served (the process's own outside a request). */
export function callInSpan<T>(name: string, attributes: Attributes, call: (span: Span) => Promise<T>): Promise<T> {
  const tracer = (context.active().getValue(SERVICE_TRACER) as Tracer | undefined) ?? tracerFor();
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await call(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
