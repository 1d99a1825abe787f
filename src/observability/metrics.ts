// The process's Prometheus metrics (prom-client), served at GET /metrics of the gateway and of each
// subgraph service. Labels are closed sets (producer, route template, supplier name, status, error
// code): never an id, an operation name a caller chose, or any value of the data.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

// From a cached lookup (~ms) to a producer at its timeout (10–20 s).
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** One per producer HTTP exchange. `outcome`: the HTTP status, or `timeout` / `connect`. */
export const producerRequestSeconds = new Histogram({
  name: 'ss12000_producer_request_duration_seconds',
  help: 'SS 12000 producer requests by producer, route template and outcome.',
  labelNames: ['producer', 'route', 'outcome'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

/** One per GraphQL request the gateway answered (401s included, as supplier "none"). */
export const gatewayRequestSeconds = new Histogram({
  name: 'gateway_request_duration_seconds',
  help: 'GraphQL requests answered by the gateway, by supplier and status (ok, partial, error, unauthenticated).',
  labelNames: ['supplier', 'status'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

/** Errors in gateway answers by `extensions.code`. */
export const gatewayErrors = new Counter({
  name: 'gateway_errors_total',
  help: 'Errors in gateway answers by extensions.code.',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
});

/** Rows a producer returned that break a filter the gateway sent (dropped, never served); see src/sources/shared/filter-checks.ts. */
export const producerFilterMismatches = new Counter({
  name: 'producer_filter_mismatches_total',
  help: 'Rows dropped because they do not match the filter the producer was sent, by producer, route template and filter parameter.',
  labelNames: ['producer', 'path', 'filter'] as const,
  registers: [metricsRegistry],
});

/**
 * Rows withheld from a unit-scoped supplier because their unit could not be established (a grade
 * naming neither `organisation` nor `schoolUnit`): fail closed, counted per collection.
 */
export const rowsWithoutUnit = new Counter({
  name: 'ss12000_rows_without_unit_total',
  help: 'Producer rows withheld from unit-scoped suppliers because they name no unit, by collection.',
  labelNames: ['collection'] as const,
  registers: [metricsRegistry],
});

/** Producer rows that depart from SS 12000, by producer, route template and tolerance rule (tolerant-reader.ts). */
export const producerPayloadViolations = new Counter({
  name: 'producer_payload_violations_total',
  help: 'Producer payload departures from SS 12000 by producer, route template and rule (served as read, or the row dropped).',
  labelNames: ['producer', 'path', 'rule'] as const,
  registers: [metricsRegistry],
});

// The producer clients' resilience (src/sources/shared/resilience.ts): closed label sets.
/** One per retried producer call; `reason`: `connect`, `timeout` or the HTTP status (`503`). */
export const producerRetries = new Counter({
  name: 'ss12000_producer_retries_total',
  help: 'SS 12000 producer calls sent again after a transient failure, by producer and reason.',
  labelNames: ['producer', 'reason'] as const,
  registers: [metricsRegistry],
});

/** 0 closed, 1 half-open (one probe in flight), 2 open (calls fail at once). */
export const producerBreakerState = new Gauge({
  name: 'ss12000_producer_circuit_state',
  help: 'Circuit breaker per SS 12000 producer: 0 closed, 1 half-open, 2 open.',
  labelNames: ['producer'] as const,
  registers: [metricsRegistry],
});

/** Calls refused at once because the producer's circuit was open. */
export const producerShortCircuits = new Counter({
  name: 'ss12000_producer_short_circuited_total',
  help: 'SS 12000 producer calls not sent because the circuit was open, by producer.',
  labelNames: ['producer'] as const,
  registers: [metricsRegistry],
});

/** Shared-state commands Redis did not answer (src/state): the request went on without the state. */
export const sharedStateErrors = new Counter({
  name: 'shared_state_store_errors_total',
  help: 'Shared-state (Redis) commands that failed, by operation (get, set); the request went on without the state.',
  labelNames: ['operation'] as const,
  registers: [metricsRegistry],
});

export const metricsText = (): Promise<string> => metricsRegistry.metrics();
export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;

/** Changes the change feed recorded (src/changes/catch-up.ts), by producer and kind. */
export const changesRecorded = new Counter({
  name: 'ss12000_changes_recorded_total',
  help: 'Changes recorded in the change feed, by producer and change (MODIFIED, DELETED).',
  labelNames: ['producer', 'change'] as const,
  registers: [metricsRegistry],
});

/** Webhook notifications from producers (src/changes/notifications.ts), by producer and outcome (accepted, refused, invalid). */
export const producerNotifications = new Counter({
  name: 'ss12000_producer_notifications_total',
  help: 'Webhook notifications received from producers, by producer and outcome.',
  labelNames: ['producer', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Attempts to deliver a webhook to a supplier (src/changes/delivery.ts), by supplier and outcome (delivered, failed, given_up). */
export const supplierWebhookAttempts = new Counter({
  name: 'gateway_supplier_webhook_attempts_total',
  help: 'Outgoing webhook delivery attempts to suppliers, by supplier and outcome (delivered, failed, given_up).',
  labelNames: ['supplier', 'outcome'] as const,
  registers: [metricsRegistry],
});
