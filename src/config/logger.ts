import { pino } from 'pino';
import { traceLogFields } from '../observability/trace-ids';
import { readEnv } from './env';

/**
 * The process-wide logger. Errors masked for callers are logged here in full. A line written while a
 * request is traced carries its `trace_id` and `span_id` (src/observability/tracing.ts).
 */
export const logger = pino({ name: 'ss12000-gateway', level: readEnv().logLevel, mixin: traceLogFields });
