import type { Sources } from '../../sources';

/** What every subgraph resolver receives. Built per GraphQL request: the sources cache per request. */
export interface SubgraphContext {
  sources: Sources;
}
