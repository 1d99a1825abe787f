// Which processes of the deployed shape keep state their replicas share, and so read REDIS_URL:
// - the gateway: rate-limit counters (src/gateway/rate-limit.ts) and APQ registrations (persisted-documents.ts);
// - the attendance subgraph: absence-summary snapshots (src/resolvers/attendance/summary/snapshots.ts)
//   and the writes' idempotency keys (src/gateway/idempotency-store.ts).
// The other subgraphs keep nothing between requests but the replay set of signatures (src/auth/signed-caller.ts).
import type { ProcessName } from './producer-calls';

export const SHARES_STATE: ReadonlySet<ProcessName> = new Set<ProcessName>(['gateway', 'attendance']);
