// What a caller sees for each way a producer can fail: every producer status maps to a coded error
// naming the producer and the path, never INTERNAL_SERVER_ERROR. The failure itself was logged once
// by the producer client (sources/shared/http-client.ts), without a stack: it is not our bug.
import { GraphQLError } from 'graphql';
import { UpstreamInvalidError, UpstreamRejectedError, UpstreamUnavailableError, type SourceError } from '../../sources/shared/errors';
import { UpstreamUnsupportedError } from '../../sources/shared/capabilities';
import type { ErrorCode } from './errors';

export type UpstreamCode = Extract<ErrorCode, 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_INVALID' | 'UPSTREAM_UNSUPPORTED' | 'BAD_USER_INPUT'>;

/**
 * The code for a producer's HTTP status:
 * - the caller's request was refused for what it asked (400, 414/431 a filter or id list too long,
 *   413 a single key still too large, 422): BAD_USER_INPUT;
 * - the producer does not serve the path (404 on a collection, 405, 410, 501): UPSTREAM_UNSUPPORTED;
 * - the gateway's own credentials were refused (401, 403): UPSTREAM_UNAVAILABLE (never the caller's
 *   FORBIDDEN: the caller did nothing wrong; the client logs a warning);
 * - everything else (408, 409, 429, 5xx, 3xx, an unknown 4xx): UPSTREAM_UNAVAILABLE.
 */
export function codeForStatus(status: number, path = ''): UpstreamCode {
  // Too long: a GET's length comes from the caller's filter values; a lookup body is ours to shape.
  if ((status === 414 || status === 431) && path.startsWith('POST ')) return 'UPSTREAM_UNAVAILABLE';
  if ([400, 413, 414, 422, 431].includes(status)) return 'BAD_USER_INPUT';
  if ([404, 405, 410, 501].includes(status)) return 'UPSTREAM_UNSUPPORTED';
  return 'UPSTREAM_UNAVAILABLE';
}

const MESSAGES: Record<UpstreamCode, (producer: string, path: string) => string> = {
  BAD_USER_INPUT: (producer, path) => `The ${producer} producer rejected the request (${path})`,
  UPSTREAM_UNSUPPORTED: (producer, path) => `The ${producer} producer does not offer ${path}.`,
  UPSTREAM_UNAVAILABLE: (producer) => `The ${producer} producer is unavailable.`,
  UPSTREAM_INVALID: (producer, path) => `The ${producer} producer answered ${path} with an invalid payload.`,
};

/** The GraphQL error for a SourceError, or undefined for an error that is not one. */
export function upstreamError(error: SourceError): GraphQLError | undefined {
  const named = { producer: error.producer, path: error.path };
  // Not offered at all (no such producer configured, not declared, or learned from a 404/405).
  if (error instanceof UpstreamUnsupportedError)
    return coded(MESSAGES.UPSTREAM_UNSUPPORTED(error.producer, error.path), 'UPSTREAM_UNSUPPORTED', named);
  if (error instanceof UpstreamInvalidError) return coded(MESSAGES.UPSTREAM_INVALID(error.producer, error.path), 'UPSTREAM_INVALID', named);
  if (error instanceof UpstreamUnavailableError) {
    const code = error.reason === 'status' && error.status !== undefined ? codeForStatus(error.status, error.path) : 'UPSTREAM_UNAVAILABLE';
    return coded(MESSAGES[code](error.producer, error.path), code, { ...named, reason: error.reason });
  }
  if (error instanceof UpstreamRejectedError) {
    const code = codeForStatus(error.status, error.path);
    if (code === 'BAD_USER_INPUT' && (error.status === 414 || error.status === 431)) {
      const message = `The ${error.producer} producer refused ${error.path} as too long (HTTP ${error.status}): use shorter or fewer filter values.`;
      return coded(message, code, { ...named, status: error.status });
    }
    const base = MESSAGES[code](error.producer, error.path);
    // The producer's message says what was wrong with the input; it never echoes values back in SS 12000 producers we know.
    const message = code === 'BAD_USER_INPUT' ? `${base}: ${error.upstreamMessage ?? `status ${error.status}`}.` : base;
    return coded(message, code, { ...named, status: error.status });
  }
  return undefined;
}

const coded = (message: string, code: UpstreamCode, extensions: Record<string, unknown>): GraphQLError =>
  new GraphQLError(message, { extensions: { ...extensions, code } });
