// A refused batch is split rather than failed as a whole:
// - 503 is SS 12000's "answer too large": a producer may accept fewer ids than configured;
// - 400 means some key is malformed (a non-uuid id), and one caller's bad id must not fail the
//   other keys that happened to share its batch.
// Halves are retried until they pass or are a single key, which bounds the work at ~2·log2(n) calls per bad key.
import { isTooLarge, isUpstreamRejected } from './errors';

/** `fetch` answers per key, in key order. A single key refused with 400 gets that error as its answer. */
export async function splitBatch<V>(
  keys: readonly string[],
  fetch: (keys: readonly string[]) => Promise<readonly V[]>,
): Promise<(V | Error)[]> {
  try {
    return [...(await fetch(keys))];
  } catch (error) {
    const badInput = isUpstreamRejected(error) && error.status === 400;
    if (!badInput && !isTooLarge(error)) throw error;
    if (keys.length < 2) {
      if (badInput) return [error as Error];
      throw error;
    }
    const middle = Math.ceil(keys.length / 2);
    const [head, tail] = await Promise.all([splitBatch(keys.slice(0, middle), fetch), splitBatch(keys.slice(middle), fetch)]);
    return [...head, ...tail];
  }
}

/** One call per key, concurrently; a key's failure is that key's answer, not the batch's. */
export function eachKey<V>(keys: readonly string[], fetchOne: (key: string) => Promise<V>): Promise<(V | Error)[]> {
  return Promise.all(
    keys.map((key) => fetchOne(key).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))),
  );
}
