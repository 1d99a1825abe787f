// Idempotent writes: a mutation sent again with the same Idempotency-Key (the header, signed on by the
// gateway in the caller's claims, or the input's `idempotencyKey`) answers the first write's result
// instead of writing twice. Keys are the supplier's own: the store key is a digest of supplier and key.
// The same key with a different request is refused; a key whose first request is still running too.
// A write that fails before it is sent, or that the producer refused (4xx, 5xx), frees its key: nothing
// was stored, so a retry after UPSTREAM_UNAVAILABLE writes. One sent whose answer was lost (a timeout, a
// 2xx that is not SS 12000) may have been stored: its key then answers that the outcome is unknown,
// never a second write. One write per key: two mutations of one request under one key are refused.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../auth';
import { isUpstreamInvalid, isUpstreamUnavailable } from '../../../sources';
import { isQueueTimeout } from '../../../sources/shared/resilience';
import type { SubgraphContext, WriteServices } from '../../shared/context';
import { badUserInput, type ErrorCode } from '../../shared/errors';

/** Stored for a key whose write was sent but whose answer was lost. */
const OUTCOME_UNKNOWN = { outcomeUnknown: true } as const;

const isOutcomeUnknown = (result: unknown): boolean =>
  typeof result === 'object' && result !== null && (result as { outcomeUnknown?: unknown }).outcomeUnknown === true;

/** The write reached the producer and may have been stored: its answer timed out or was not SS 12000. */
const mayHaveWritten = (error: unknown): boolean =>
  isUpstreamInvalid(error) || (isUpstreamUnavailable(error) && error.reason === 'timeout' && !isQueueTimeout(error));

const outcomeUnknown = (): GraphQLError =>
  new GraphQLError(
    'The first request with this Idempotency-Key reached the attendance producer, but its answer was lost: whether it was stored is unknown. Read it back before writing again under a new key.',
    { extensions: { code: 'UPSTREAM_UNAVAILABLE' satisfies ErrorCode, producer: 'attendance' } },
  );

/** What a write tells `idempotent` about itself: call `sending()` right before the producer is asked. */
export interface WriteAttempt {
  sending(): void;
}

const KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);

/** JSON with object keys sorted (Dates as ISO text), so equal inputs digest alike. */
const canonical = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, canonical(inner)]),
    );
  }
  return value;
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** The key this write goes under, if any: the header's or the input's, which must agree. */
const keyOf = (ctx: SubgraphContext, fromInput: string | undefined): string | undefined => {
  const fromHeader = ctx.caller.idempotencyKey;
  if (fromInput !== undefined && fromInput !== null && !KEY.test(fromInput)) {
    throw badUserInput('`input.idempotencyKey` must be 1–255 printable ASCII characters.', 'input.idempotencyKey');
  }
  if (fromHeader !== undefined && fromInput !== undefined && fromInput !== null && fromHeader !== fromInput) {
    throw badUserInput(
      'The Idempotency-Key header and `input.idempotencyKey` differ: send one, or the same in both.',
      'input.idempotencyKey',
    );
  }
  return fromHeader ?? fromInput ?? undefined;
};

export const writeServices = (ctx: SubgraphContext): WriteServices => {
  // Only the attendance subgraph is started with them (src/gateway/stack.ts, deployed-subgraph.ts).
  if (!ctx.writes) throw new Error('this subgraph was started without write services');
  return ctx.writes;
};

/**
 * Runs `write` once per idempotency key: `operation` (the Mutation field) and `input` (without its
 * key) are the request whose digest the key is bound to. Without a key, simply runs it.
 */
export async function idempotent<T>(
  ctx: SubgraphContext,
  operation: string,
  input: { idempotencyKey?: string },
  write: (attempt: WriteAttempt) => Promise<T>,
): Promise<T> {
  const { idempotencyKey, ...request } = input;
  const key = keyOf(ctx, idempotencyKey);
  let sent = false;
  const attempt: WriteAttempt = { sending: () => void (sent = true) };
  if (key === undefined) return write(attempt);
  const store = writeServices(ctx).idempotency;
  const storeKey = sha256(JSON.stringify([ctx.caller.supplier, key]));
  const digest = sha256(JSON.stringify([operation, canonical(request)]));
  const claim = await store.claim(storeKey, digest);
  if (claim.state !== 'claimed' && claim.digest !== digest) {
    throw badUserInput('This Idempotency-Key was used for a different request: use a new key for a new write.', 'idempotencyKey');
  }
  if (claim.state === 'done') {
    if (isOutcomeUnknown(claim.result)) throw outcomeUnknown();
    return claim.result as T;
  }
  if (claim.state === 'pending')
    throw badUserInput('A request with this Idempotency-Key is still being written: retry in a moment.', 'idempotencyKey');
  let result: T;
  try {
    result = await write(attempt);
  } catch (error) {
    if (sent && mayHaveWritten(error)) await store.complete(storeKey, digest, OUTCOME_UNKNOWN);
    else await store.release(storeKey);
    throw error;
  }
  // As JSON, in memory too: a replay answers exactly what a Redis-backed replica would.
  await store.complete(storeKey, digest, JSON.parse(JSON.stringify(result)) as unknown);
  return result;
}
