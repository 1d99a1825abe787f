// The Idempotency-Key header (IETF draft "The Idempotency-Key HTTP Header Field"): read at the gateway,
// carried to the subgraphs inside the signed caller claims (src/auth/signed-caller.ts), where the
// attendance subgraph's writes use it. A key that breaks the rules is refused here with a 400.
import { headerValue, IDEMPOTENCY_KEY_PATTERN, type Caller, type HeaderSource } from '../auth';
import type { ErrorCode } from '../resolvers/shared/errors';
import type { TextResponse } from './http-server';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

const KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);

/**
 * `caller` with the request's key; `invalid` when the header is unusable: too long, empty, or not
 * printable ASCII (Node joins a header sent twice with ", ", and a blank is not allowed).
 */
export const withIdempotencyKey = (caller: Caller, headers: HeaderSource): Caller | 'invalid' => {
  const key = headerValue(headers, IDEMPOTENCY_KEY_HEADER);
  if (key === undefined) return caller;
  return KEY.test(key) ? { ...caller, idempotencyKey: key } : 'invalid';
};

export const INVALID_IDEMPOTENCY_KEY: TextResponse = {
  status: 400,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({
    errors: [
      {
        message: 'The Idempotency-Key header must be sent once, as 1–255 printable ASCII characters.',
        extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, argument: 'Idempotency-Key' },
      },
    ],
  }),
};
