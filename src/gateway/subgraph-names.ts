import { PRODUCERS, type ProducerName } from '../ss12000/resources';

/** Every subgraph of the graph: one per producer domain, and the change feed's (src/changes/). */
export type SubgraphName = ProducerName | 'changes';
export const SUBGRAPHS: readonly SubgraphName[] = [...PRODUCERS, 'changes'];
