import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from '../shared/subgraph';
import { ChangesResolver } from './changes.resolver';

/** The changes subgraph: the per-supplier change feed (src/changes/), served beside the four producer subgraphs. */
export async function buildChangesSubgraph(): Promise<GraphQLSchema> {
  return buildSubgraph({ name: 'changes', resolvers: [ChangesResolver], references: {} });
}
