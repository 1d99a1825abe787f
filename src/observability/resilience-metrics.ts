// Prometheus series of the producer clients' resilience (src/sources/shared/resilience.ts): retries
// and each producer's circuit-breaker state. Labels are closed sets (producer, reason, state).
import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from './metrics';

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
