// THE HTTP client for one producer: a keep-alive undici Pool, bearer auth with one retry on 401,
// JSON in and out, failures as SourceErrors; timeouts, retries and the circuit breaker in
// resilience.ts. Knows nothing of SS 12000 shapes.
import { SpanStatusCode } from '@opentelemetry/api';
import { Pool } from 'undici';
import { logger } from '../../config/logger';
import { closeWithin } from '../../lib/close-within';
import { producerRequestSeconds } from '../../observability/metrics';
import { callInSpan, injectTraceContext } from '../../observability/spans';
import type { ProducerName } from '../../ss12000/resources';
import type { TokenProvider } from './auth';
import type { ProducerConfig } from './config';
import { isSourceError, isTooLarge, isUpstreamRejected, isUpstreamUnavailable, UpstreamUnavailableError } from './errors';
import { exchange, parseJson, statusError, type ExchangeResponse } from './exchange';
import { toSearch, type QueryValue } from './query';
import { isQueueTimeout, ProducerResilience, type BreakerState } from './resilience';
import { Semaphore, SlotWaitTimeout } from './semaphore';

export interface JsonRequest {
  /** PATCH and DELETE: /subscriptions only (src/sources/shared/change-source.ts). */
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path under the base URL, e.g. `/persons/lookup`. */
  readonly path: string;
  /** Route template for errors when `path` carries an id, e.g. `/studyplans/{id}`. */
  readonly route?: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
}

// Less time than this left when a slot frees up is no time to send in.
const MIN_SEND_MS = 5;
// How long close() lets requests in flight finish before cutting them.
const CLOSE_GRACE_MS = 2_000;

export class ProducerHttpClient {
  private readonly pool: Pool;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly slots: Semaphore;
  private readonly resilience: ProducerResilience;

  constructor(
    readonly producer: ProducerName,
    private readonly config: ProducerConfig,
    private readonly auth: TokenProvider,
  ) {
    const base = new URL(config.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.pool = new Pool(this.origin, { connections: config.maxConcurrency });
    this.slots = new Semaphore(config.maxConcurrency);
    this.resilience = new ProducerResilience(producer, config);
  }

  /** The circuit breaker's state, for /readyz. */
  get breakerState(): BreakerState {
    return this.resilience.state;
  }

  /** The parsed JSON of a 2xx answer; rejects with a SourceError otherwise. */
  async json(request: JsonRequest): Promise<unknown> {
    const route = `${request.method} ${request.route ?? request.path}`;
    // Reads only: GET, and POST /X/lookup (SS 12000's read by many ids). A write (POST /X, DELETE
    // /X/{id}) is sent once: the spec makes `id` readOnly, so a producer may give a retried POST a new
    // id and store it twice; a retried DELETE that went through answers 404. The caller retries with
    // an Idempotency-Key instead (src/resolvers/attendance/writes/idempotency.ts).
    const idempotent = request.method === 'GET' || request.path.endsWith('/lookup');
    try {
      const text = await this.resilience.call(route, idempotent, (deadline) => this.attempt(request, route, deadline));
      // DELETE answers 204 without a body.
      if (request.method === 'DELETE' && text.trim() === '') return undefined;
      return parseJson(this.producer, route, text);
    } catch (error) {
      logFailure(error);
      throw error;
    }
  }

  /** Lets calls in flight finish for a moment, then cuts them (a hung producer must not hold shutdown). */
  close(): Promise<void> {
    return closeWithin(
      () => this.pool.close(),
      () => this.pool.destroy(),
      CLOSE_GRACE_MS,
    );
  }

  /** One attempt: a slot (waiting counts against `deadline`), the exchange, a 2xx body or a SourceError. */
  private async attempt(request: JsonRequest, route: string, deadline: number): Promise<string> {
    let response: ExchangeResponse;
    try {
      response = await this.slots.run(async () => {
        // A slot handed over just as the deadline passes: nothing would be sent in time.
        if (deadline - Date.now() < MIN_SEND_MS) throw new SlotWaitTimeout();
        const token = await this.auth.token();
        const first = await this.send(request, route, token, deadline);
        if (first.status !== 401 || this.config.auth.kind !== 'oauth2') return first;
        // A token can be revoked or rotated before it expires: fetch a fresh one and try once more.
        this.auth.invalidate(token);
        return this.send(request, route, await this.auth.token(), deadline);
      }, deadline);
    } catch (error) {
      if (error instanceof SlotWaitTimeout)
        throw new UpstreamUnavailableError(this.producer, route, 'timeout', undefined, { cause: error });
      throw error;
    }
    if (response.status < 200 || response.status > 299) throw statusError(this.producer, route, response);
    return response.text;
  }

  // One CLIENT span per exchange (a retry is another), named by the route template: the path may
  // carry an id, the query string a filter value (a civic number).
  private send(request: JsonRequest, route: string, token: string, deadline: number): Promise<ExchangeResponse> {
    const attributes = {
      'http.request.method': request.method,
      'url.template': request.route ?? request.path,
      'ss12000.producer': this.producer,
    };
    return callInSpan(route, attributes, async (span) => {
      const timer = producerRequestSeconds.startTimer({ producer: this.producer, route });
      try {
        const response = await this.exchange(request, route, token, deadline);
        timer({ outcome: String(response.status) });
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
        return response;
      } catch (error) {
        const outcome = error instanceof UpstreamUnavailableError ? error.reason : 'error';
        timer({ outcome });
        span.setAttribute('error.type', outcome);
        throw error;
      }
    });
  }

  private exchange(request: JsonRequest, route: string, token: string, deadline: number): Promise<ExchangeResponse> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    injectTraceContext(headers);
    return exchange({
      producer: this.producer,
      route,
      dispatcher: this.pool,
      origin: this.origin,
      path: `${this.basePath}${request.path}${toSearch(request.query ?? {})}`,
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      // Whole milliseconds: AbortSignal.timeout throws on a fraction.
      timeoutMs: Math.max(1, Math.ceil(deadline - Date.now())),
    });
  }
}

/**
 * One line per failed call (after its retries), without a stack: these are the producer's answers,
 * not our bugs. 401/403 is the gateway's own credentials problem, so it is a warning.
 */
function logFailure(error: unknown): void {
  // A "too large" lookup is split and sent again (split-batch.ts): not a failure yet.
  if (!isSourceError(error) || (isTooLarge(error) && error.path.endsWith('/lookup'))) return;
  const base = { producer: error.producer, path: error.path };
  if (isUpstreamRejected(error)) {
    // A by-id miss (404 on `/X/{id}`) is an answer (null), not a failure worth a line.
    if (error.status === 404 && error.path.endsWith('{id}')) return;
    if (error.status === 401 || error.status === 403) {
      logger.warn(
        { ...base, status: error.status },
        "producer refused the gateway's credentials: check the producer token or client credentials",
      );
      return;
    }
    logger.info({ ...base, status: error.status, code: error.code }, 'producer rejected the request');
    return;
  }
  if (isUpstreamUnavailable(error)) {
    if (error.reason === 'circuit-open') return; // counted in ss12000_producer_short_circuited_total; logged once when it opened
    logger.warn({ ...base, reason: isQueueTimeout(error) ? 'queued' : error.reason, status: error.status }, 'producer call failed');
    return;
  }
  logger.warn({ ...base, violation: (error as { violation?: string }).violation }, 'producer sent an invalid payload');
}
