// The active trace's ids, for log lines, audit lines and error extensions. Only the API: the logger
// imports this, and must not pull the tracing SDK into every module that logs.
import { context, isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * `trace_id` and `span_id` of the active span, for a log line (the pino mixin); nothing outside a trace.
 * A new object every time: pino merges the line's own fields INTO what the mixin returns.
 */
export const traceLogFields = (): { trace_id?: string; span_id?: string } => {
  const active = trace.getSpanContext(context.active());
  return active && isSpanContextValid(active) ? { trace_id: active.traceId, span_id: active.spanId } : {};
};

/** The trace id of the request being served, if it is traced. */
export const currentTraceId = (): string | undefined => {
  const active = trace.getSpanContext(context.active());
  return active && isSpanContextValid(active) ? active.traceId : undefined;
};
