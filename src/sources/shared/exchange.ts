// One HTTP exchange on undici, with every failure turned into a SourceError. Both the producer
// client and the OAuth2 token fetch go through here, so the error mapping exists once.
import type { Dispatcher } from 'undici';
import type { ProducerName } from '../../ss12000/resources';
import { UpstreamInvalidError, UpstreamRejectedError, UpstreamUnavailableError } from './errors';

export interface ExchangeRequest {
  readonly producer: ProducerName;
  /** Route template for error messages, e.g. `POST /persons/lookup`. */
  readonly route: string;
  readonly dispatcher: Dispatcher;
  readonly origin: string;
  /** Path and query string. */
  readonly path: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface ExchangeResponse {
  readonly status: number;
  readonly text: string;
  /** The `Retry-After` header, when the producer sent one. */
  readonly retryAfter?: string;
}

/** Sends the request and reads the whole body; rejects only with UpstreamUnavailableError. */
export async function exchange(request: ExchangeRequest): Promise<ExchangeResponse> {
  const { producer, route, timeoutMs } = request;
  // One signal covers connect, headers and body: a producer that stalls mid-body is as dead as one that never answers.
  // Whole milliseconds, at least one: AbortSignal.timeout throws on a fraction.
  const signal = AbortSignal.timeout(Math.max(1, Math.ceil(timeoutMs)));
  try {
    const response = await request.dispatcher.request({
      origin: request.origin,
      path: request.path,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
    });
    const retryAfter = response.headers['retry-after'];
    return { status: response.statusCode, text: await response.body.text(), ...(typeof retryAfter === 'string' ? { retryAfter } : {}) };
  } catch (error) {
    throw new UpstreamUnavailableError(producer, route, signal.aborted ? 'timeout' : 'connect', undefined, { cause: error });
  }
}

/** Parses a 2xx body; anything but JSON is the producer's fault. */
export function parseJson(producer: ProducerName, route: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UpstreamInvalidError(producer, route, 'body is not JSON', { cause: error });
  }
}

/** The error for a non-2xx answer: SS 12000 errors are `{code, message}`, OAuth2 ones `{error, error_description}`. */
export function statusError(producer: ProducerName, route: string, response: ExchangeResponse): Error {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(response.text);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // A 4xx without a JSON body is still a rejection; the status says enough.
  }
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  if (response.status >= 500 || response.status < 400) {
    const error = new UpstreamUnavailableError(producer, route, 'status', response.status);
    error.tooLarge = response.status === 503 && saysTooLarge(text(body.code), text(body.message), response.retryAfter);
    error.retryAfterMs = retryAfterMs(response.retryAfter);
    return error;
  }
  return new UpstreamRejectedError(
    producer,
    route,
    response.status,
    text(body.code) ?? text(body.error),
    text(body.message) ?? text(body.error_description),
  );
}

// The spec's 503 is "Svaret är förstort för servern att hantera" (the answer is too large); the demo
// producers answer `{code: "TooLarge"}`. A 503 with Retry-After, or one that says nothing of size, is overload.
const TOO_LARGE = /too.?large|too.?many|f(ö|o)r.?stor|payload/i;

export const saysTooLarge = (code: string | undefined, message: string | undefined, retryAfter: string | undefined): boolean =>
  retryAfter === undefined && (TOO_LARGE.test(code ?? '') || TOO_LARGE.test(message ?? ''));

/** `Retry-After` as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
