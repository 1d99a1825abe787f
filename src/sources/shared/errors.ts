// Transport errors as plain classes: the resolver layer maps them to GraphQL errors in one place.
// Messages name the producer and the route template (never query strings or payload values:
// those can carry civic numbers and names).
import type { ProducerName } from '../../ss12000/resources';

export class SourceError extends Error {
  constructor(
    message: string,
    readonly producer: ProducerName,
    /** Route as a template, e.g. `POST /persons/lookup` or `GET /studyplans/{id}`. */
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** `circuit-open`: not sent at all, the producer's circuit breaker is open after repeated failures. */
export type UnavailableReason = 'connect' | 'timeout' | 'status' | 'circuit-open';

/** Could not get an answer: connection refused/reset, timeout, 5xx, or 503 "too large" that splitting did not cure. */
export class UpstreamUnavailableError extends SourceError {
  constructor(
    producer: ProducerName,
    path: string,
    readonly reason: UnavailableReason,
    /** HTTP status when `reason` is 'status'. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    const what =
      reason === 'status'
        ? `answered ${status}`
        : reason === 'timeout'
          ? 'timed out'
          : reason === 'circuit-open'
            ? 'is failing (circuit open)'
            : 'could not be reached';
    super(`SS 12000 producer '${producer}' ${what} (${path})`, producer, path, options);
  }

  /** A 503 whose `{code, message}` says the answer would be too large (the spec's 503), not overload. */
  tooLarge = false;
  /** The producer's `Retry-After`, in ms, when it sent one. */
  retryAfterMs: number | undefined = undefined;
}

/** The answer is not SS 12000: unparseable JSON or a payload that breaks the spec schema. */
export class UpstreamInvalidError extends SourceError {
  constructor(
    producer: ProducerName,
    path: string,
    /** First violation, e.g. `data[3]: /student must have required property 'id'`. */
    readonly violation: string,
    options?: { cause?: unknown },
  ) {
    super(`SS 12000 producer '${producer}' sent an invalid payload (${path}): ${violation}`, producer, path, options);
  }
}

/** The producer refused the request with a 4xx; `status` lets callers map 400 and 404. */
export class UpstreamRejectedError extends SourceError {
  constructor(
    producer: ProducerName,
    path: string,
    readonly status: number,
    /** The producer's `{code, message}` when it sent one. */
    readonly code: string | undefined,
    readonly upstreamMessage: string | undefined,
  ) {
    super(`SS 12000 producer '${producer}' rejected the request with ${status}${code ? ` ${code}` : ''} (${path})`, producer, path);
  }
}

export const isSourceError = (error: unknown): error is SourceError => error instanceof SourceError;
export const isUpstreamUnavailable = (error: unknown): error is UpstreamUnavailableError => error instanceof UpstreamUnavailableError;
export const isUpstreamInvalid = (error: unknown): error is UpstreamInvalidError => error instanceof UpstreamInvalidError;
export const isUpstreamRejected = (error: unknown): error is UpstreamRejectedError => error instanceof UpstreamRejectedError;
/**
 * SS 12000 answers 503 to a lookup whose answer would be too large, and producers also answer 503
 * when overloaded: only a 503 that says "too large" (exchange.ts, `saysTooLarge`) or a 413 is split.
 */
export const isTooLarge = (error: unknown): boolean =>
  (isUpstreamUnavailable(error) && error.status === 503 && error.tooLarge) || (isUpstreamRejected(error) && error.status === 413);
