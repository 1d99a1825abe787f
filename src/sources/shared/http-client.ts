// THE HTTP client for one producer: a keep-alive undici Pool, bearer auth with one retry on 401,
// a per-request timeout, JSON in and out, failures as SourceErrors. Knows nothing of SS 12000 shapes.
import { Pool } from 'undici';
import { producerRequestSeconds } from '../../observability/metrics';
import type { ProducerName } from '../../ss12000/resources';
import type { TokenProvider } from './auth';
import type { ProducerConfig } from './config';
import { UpstreamUnavailableError } from './errors';
import { exchange, parseJson, statusError, type ExchangeResponse } from './exchange';
import { toSearch, type QueryValue } from './query';
import { Semaphore } from './semaphore';

export interface JsonRequest {
  readonly method: 'GET' | 'POST';
  /** Path under the base URL, e.g. `/persons/lookup`. */
  readonly path: string;
  /** Route template for errors when `path` carries an id, e.g. `/studyplans/{id}`. */
  readonly route?: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
}

export class ProducerHttpClient {
  private readonly pool: Pool;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly slots: Semaphore;

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
  }

  /** The parsed JSON of a 2xx answer; rejects with a SourceError otherwise. */
  async json(request: JsonRequest): Promise<unknown> {
    const route = `${request.method} ${request.route ?? request.path}`;
    // The slot is taken before the clock starts: waiting for our own limit is not the producer's slowness.
    const response = await this.slots.run(async () => {
      const token = await this.auth.token();
      const first = await this.send(request, route, token);
      if (first.status !== 401 || this.config.auth.kind !== 'oauth2') return first;
      // A token can be revoked or rotated before it expires: fetch a fresh one and try once more.
      this.auth.invalidate(token);
      return this.send(request, route, await this.auth.token());
    });
    if (response.status < 200 || response.status > 299) throw statusError(this.producer, route, response);
    return parseJson(this.producer, route, response.text);
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async send(request: JsonRequest, route: string, token: string): Promise<ExchangeResponse> {
    const timer = producerRequestSeconds.startTimer({ producer: this.producer, route });
    try {
      const response = await this.exchange(request, route, token);
      timer({ outcome: String(response.status) });
      return response;
    } catch (error) {
      timer({ outcome: error instanceof UpstreamUnavailableError ? error.reason : 'error' });
      throw error;
    }
  }

  private exchange(request: JsonRequest, route: string, token: string): Promise<ExchangeResponse> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    return exchange({
      producer: this.producer,
      route,
      dispatcher: this.pool,
      origin: this.origin,
      path: `${this.basePath}${request.path}${toSearch(request.query ?? {})}`,
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      timeoutMs: this.config.timeoutMs,
    });
  }
}
