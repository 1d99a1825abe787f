import type { Caller } from '../../auth';
import type { Seal } from '../../lib/seal';
import type { Sources } from '../../sources';
import type { SharedStore } from '../../state';

/** What every subgraph resolver receives. Built per GraphQL request: the sources cache per request. */
export interface SubgraphContext {
  sources: Sources;
  /** Who asks, as the gateway signed it (verified before anything runs). */
  caller: Caller;
  /** State this subgraph's replicas share (summary snapshots): Redis with REDIS_URL, else this process's memory. */
  shared: SharedStore;
  /** Seals the cursors a resolver issues itself (a summary's): keyed from ALIAS_SECRET, so every replica opens the others'. */
  cursorSeal: Seal;
}
