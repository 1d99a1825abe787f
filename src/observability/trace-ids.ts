// The active trace's ids, for log lines, audit lines and error extensions. Only the API: the logger
// imports this, and must not pull the tracing SDK into every module that logs.
import { context, isSpanContextValid, trace } from '@opentelemetry/api';

const NO_FIELDS = Object.freeze({});

/** `trace_id` and `span_id` of the active span, for a log line (the pino mixin); nothing outside a trace. */
export const traceLogFields = (): { trace_id?: string; span_id?: string } => {
  const active = trace.getSpanContext(context.active());
  return active && isSpanContextValid(active) ? { trace_id: active.traceId, span_id: active.spanId } : NO_FIELDS;
};

/** The trace id of the request being served, if it is traced. */
export const currentTraceId = (): string | undefined => {
  const active = trace.getSpanContext(context.active());
  return active && isSpanContextValid(active) ? active.traceId : undefined;
};
