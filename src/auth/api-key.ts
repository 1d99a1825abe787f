import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The sha256 hex digest the suppliers file stores in place of a key. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** The sha256 digest keys are compared by. */
export const keyDigest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/** A new random key: 32 bytes, base64url (no dots, so it is never mistaken for a JWT). */
export const generateApiKey = (): string => randomBytes(32).toString('base64url');

/**
 * The index of the stored digest `key` hashes to, or -1. Compares against every digest
 * without stopping early, so the time taken says nothing about which one matched.
 */
export const matchApiKey = (key: string, digests: readonly Buffer[]): number => {
  const given = keyDigest(key);
  let found = -1;
  digests.forEach((digest, index) => {
    if (digest.length === given.length && timingSafeEqual(digest, given) && found === -1) found = index;
  });
  return found;
};
