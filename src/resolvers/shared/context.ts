import type { Caller } from '../../auth';
import type { Sources } from '../../sources';

/** What every subgraph resolver receives. Built per GraphQL request: the sources cache per request. */
export interface SubgraphContext {
  sources: Sources;
  /** Who asks, as the gateway signed it (verified before anything runs). */
  caller: Caller;
}
