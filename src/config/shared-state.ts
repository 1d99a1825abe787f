// Which processes of the deployed shape keep state their replicas share, and so read REDIS_URL:
// - the gateway: rate-limit counters (src/gateway/rate-limit.ts) and APQ registrations (persisted-documents.ts);
// - the attendance subgraph: absence-summary snapshots (src/resolvers/attendance/summary/snapshots.ts)
//   and the writes' idempotency keys (src/gateway/idempotency-store.ts);
// - every subgraph, the changes process included: the ledger of signatures it accepted
//   (src/gateway/signature-ledger.ts), so a request captured on its way to one replica is refused by all.
import type { ProcessName } from './producer-calls';

export const SHARES_STATE: ReadonlySet<ProcessName> = new Set<ProcessName>([
  'gateway',
  'register',
  'schedule',
  'attendance',
  'grades',
  'changes',
]);
