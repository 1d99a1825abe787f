// The replay ledger of a subgraph's replicas: a signed request one replica accepted is refused by every
// other within the signature's window, not only by the one that saw it (src/auth/signed-caller.ts).
// Nonces go into the shared store (Redis SET NX, REDIS_URL) and into this process's own set. When Redis
// does not answer, the process's set still refuses what this replica saw: the window in which a capture
// could be replayed to another replica is the outage, and the outage is logged and counted by the store.
import { SeenSignatures, SIGNATURE_MEMORY_MS, type SignatureLedger } from '../auth';
import { orWhenUnavailable, type SharedStore } from '../state';

// The key is the nonce (22 characters as the gateway makes them, at most 64); the value only marks it.
const LIMITS = { ttlMs: SIGNATURE_MEMORY_MS, maxEntryChars: 8, maxChars: 1 << 20 } as const;

export function signatureLedger(store: SharedStore, subgraph: string): SignatureLedger {
  const local = new SeenSignatures();
  // A memory store is this process's alone: the exact set is all there is to share.
  if (store.kind === 'memory') return local;
  const shared = store.space(`signatures:${subgraph}`, LIMITS);
  return {
    claim: async (nonce, expiresAt, now) => {
      if (!local.claim(nonce, expiresAt, now)) return false;
      return orWhenUnavailable(() => shared.claim(nonce), true);
    },
  };
}
