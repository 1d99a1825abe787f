// How one producer call survives a misbehaving producer, around every attempt the HTTP client makes:
// - a timeout per attempt that includes the wait for a connection slot, never past the request's
//   deadline (deadline.ts);
// - bounded retries with jittered exponential backoff, for idempotent reads only (GET, POST /lookup),
//   on connection errors, timeouts and 502/503/504 (not a "too large" 503: that is split instead),
//   honouring Retry-After, and only while the deadline leaves room for another attempt;
// - a circuit breaker per producer (cockatiel): `breakerFailures` consecutive failures open it, calls
//   then fail at once with UpstreamUnavailableError('circuit-open') naming the producer; after
//   `breakerHalfOpenAfterMs` one call probes (the calls meanwhile wait up to 500 ms for its outcome,
//   then fail at once) and its outcome closes or reopens it.
import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { logger } from '../../config/logger';
import { producerBreakerState, producerRetries, producerShortCircuits } from '../../observability/metrics';
import type { ProducerName } from '../../ss12000/resources';
import type { ProducerConfig } from './config';
import { currentDeadline } from './deadline';
import { isUpstreamUnavailable, UpstreamUnavailableError } from './errors';
import { SlotWaitTimeout } from './semaphore';

export type ResilienceSettings = Pick<ProducerConfig, 'timeoutMs' | 'maxAttempts' | 'breakerFailures' | 'breakerHalfOpenAfterMs'>;

const RESILIENCE_DEFAULTS = { maxAttempts: 6, breakerFailures: 10, breakerHalfOpenAfterMs: 5_000 } as const;

const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 2_000;
// Not worth another attempt with less time than this left before the deadline.
const MIN_ATTEMPT_MS = 100;
// How long a call waits for the half-open probe's outcome before failing at once: a probe that hangs
// must not hold every request that comes meanwhile until its deadline.
const PROBE_WAIT_MS = 500;
const RETRY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

export type BreakerState = 'closed' | 'half-open' | 'open';

/** The attempt could not even start: it waited for a slot until its deadline (our own limit, not the producer's fault). */
export const isQueueTimeout = (error: unknown): boolean => isUpstreamUnavailable(error) && error.cause instanceof SlotWaitTimeout;

/** Worth sending again: the producer may answer next time. */
function isTransient(error: unknown): error is UpstreamUnavailableError {
  if (!isUpstreamUnavailable(error) || isQueueTimeout(error)) return false;
  if (error.reason === 'connect' || error.reason === 'timeout') return true;
  return error.reason === 'status' && RETRY_STATUSES.has(error.status ?? 0) && !error.tooLarge;
}

/** Says something about the producer's health: connection errors, timeouts, 5xx (not 501, not "too large"). */
function countsAgainstProducer(error: unknown): boolean {
  if (!isUpstreamUnavailable(error) || isQueueTimeout(error)) return false;
  if (error.reason === 'connect' || error.reason === 'timeout') return true;
  return error.reason === 'status' && (error.status ?? 0) >= 500 && error.status !== 501 && !error.tooLarge;
}

/** Full jitter over an exponential step, at least what Retry-After asks. */
const backoffMs = (attempt: number, retryAfterMs: number | undefined, random = Math.random): number =>
  Math.max(retryAfterMs ?? 0, Math.round(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt)));

/** Whether `promise` settled within `ms`. */
async function waitAtMost(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};
const GAUGE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

export class ProducerResilience {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly maxAttempts: number;
  private readonly halfOpenAfterMs: number;
  private openedAt = 0;
  /** Settles when the half-open probe in flight has its outcome. */
  private probe: Promise<void> | undefined;

  constructor(
    private readonly producer: ProducerName,
    private readonly settings: ResilienceSettings,
  ) {
    this.maxAttempts = settings.maxAttempts ?? RESILIENCE_DEFAULTS.maxAttempts;
    this.halfOpenAfterMs = settings.breakerHalfOpenAfterMs ?? RESILIENCE_DEFAULTS.breakerHalfOpenAfterMs;
    this.breaker = circuitBreaker(handleWhen(countsAgainstProducer), {
      halfOpenAfter: this.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.breakerFailures ?? RESILIENCE_DEFAULTS.breakerFailures),
    });
    producerBreakerState.set({ producer }, 0);
    this.breaker.onStateChange((state) => {
      const name = STATE_NAMES[state];
      if (name === 'open') this.openedAt = Date.now();
      producerBreakerState.set({ producer }, GAUGE[name]);
      // One line per transition, not per refused call.
      if (name === 'open')
        logger.warn(
          { producer, halfOpenAfterMs: this.halfOpenAfterMs },
          'producer circuit opened: calls fail at once until a probe succeeds',
        );
      else if (name === 'closed') logger.info({ producer }, 'producer circuit closed');
    });
  }

  /** The breaker's state; `half-open` also once an open circuit is due for its probe. */
  get state(): BreakerState {
    const state = STATE_NAMES[this.breaker.state];
    return state === 'open' && Date.now() - this.openedAt >= this.halfOpenAfterMs ? 'half-open' : state;
  }

  /**
   * Runs `attempt` (one HTTP exchange, given its deadline in epoch ms) under the timeout, retry and
   * breaker rules; `idempotent` calls may be sent more than once.
   */
  async call<T>(route: string, idempotent: boolean, attempt: (deadline: number) => Promise<T>): Promise<T> {
    const requestDeadline = currentDeadline() ?? Infinity;
    for (let attemptNo = 1; ; attemptNo += 1) {
      const now = Date.now();
      const deadline = Math.min(now + this.settings.timeoutMs, requestDeadline);
      if (deadline <= now) throw new UpstreamUnavailableError(this.producer, route, 'timeout', undefined, { cause: new SlotWaitTimeout() });
      // Half-open lets one probe through; the calls that come meanwhile wait for its outcome (at most
      // PROBE_WAIT_MS, never past their deadline), then go on (closed) or fail at once (open again).
      while (this.breaker.state === CircuitState.HalfOpen && this.probe) {
        if (!(await waitAtMost(this.probe, Math.min(PROBE_WAIT_MS, deadline - Date.now())))) throw this.shortCircuit(route);
      }
      const probing = this.breaker.state === CircuitState.Open;
      try {
        const result = this.breaker.execute(() => attempt(deadline));
        if (probing && (this.breaker.state as CircuitState) === CircuitState.HalfOpen) {
          this.probe = result.then(
            () => undefined,
            () => undefined,
          );
        }
        return await result;
      } catch (error) {
        if (error instanceof BrokenCircuitError) throw this.shortCircuit(route);
        if (!idempotent || attemptNo >= this.maxAttempts || !isTransient(error)) throw error;
        // This failure opened the breaker (or a probe failed): the next attempt would be refused anyway.
        if (this.breaker.state !== CircuitState.Closed) throw error;
        // A producer asking for more than a whole attempt's time is not coming back within this request.
        if ((error.retryAfterMs ?? 0) > this.settings.timeoutMs) throw error;
        const delay = backoffMs(attemptNo, error.retryAfterMs);
        if (Date.now() + delay + MIN_ATTEMPT_MS > requestDeadline) throw error;
        producerRetries.inc({ producer: this.producer, reason: error.reason === 'status' ? String(error.status) : error.reason });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private shortCircuit(route: string): UpstreamUnavailableError {
    producerShortCircuits.inc({ producer: this.producer });
    return new UpstreamUnavailableError(this.producer, route, 'circuit-open');
  }
}
