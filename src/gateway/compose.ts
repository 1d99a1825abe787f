import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Supergraph composition failed:\n  ${problems.join('\n  ')}`);
    this.name = 'CompositionError';
  }
}

/** The supergraph SDL of the given subgraphs (Federation 2), or a CompositionError listing every problem. */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): string {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl;
}
