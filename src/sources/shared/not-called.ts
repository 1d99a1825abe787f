// A producer this process does not call (src/config/producer-calls.ts): no client, no secret. Asked
// anyway, it fails closed, loudly: a plain Error (masked to callers as INTERNAL_SERVER_ERROR, logged
// in full), not UPSTREAM_UNSUPPORTED, which would pass a deployment bug off as a producer the
// municipality does not have.
import type { ProducerName } from '../../ss12000/resources';
import type { ProducerSource } from '../types';
import { failingSource } from './failing-source';

export class ProducerNotCalledError extends Error {
  constructor(
    readonly producer: ProducerName,
    readonly process: string,
  ) {
    super(`${process} does not call the ${producer} producer (src/config/producer-calls.ts): it holds no client or secret for it`);
    this.name = 'ProducerNotCalledError';
  }
}

export const notCalledSource = (producer: ProducerName, process: string): ProducerSource =>
  failingSource(producer, () => {
    throw new ProducerNotCalledError(producer, process);
  });
