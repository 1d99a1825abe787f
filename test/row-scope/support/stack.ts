// Generator → demo producers (real HTTP) → sources, for row-scope scenarios; and the subgraph
// schemas executed over those sources with a given scope (the gateway and its signing are the
// enforcement suite's business; the rows a scope lets through are decided here, in the sources).
import { execute, parse, validate, type GraphQLSchema } from 'graphql';
import type { Caller } from '../../../src/auth';
import { expandUnits, organisationNode } from '../../../src/auth';
import type { Dataset } from '../../../src/demo/dataset';
import { generateMunicipality } from '../../../src/demo/generator';
import { startProducers, type RunningProducers } from '../../../src/demo/producers';
import { buildSubgraphSchemas } from '../../../src/gateway/subgraphs';
import { createSourceClients, type RowScope, type SourceClients, type SourcesConfig } from '../../../src/sources';
import { PRODUCERS, type ProducerName } from '../../../src/ss12000/resources';

export const ALIAS_SECRET = 'row-scope-test-alias-secret';

export interface ScopeStack {
  dataset: Dataset;
  producers: RunningProducers;
  clients: SourceClients;
  /** Run a document against one subgraph with the sources scoped as given. */
  query(
    subgraph: ProducerName,
    scope: RowScope,
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: any; errors?: readonly { message: string }[] }>;
  close(): Promise<void>;
}

let shared: Dataset | undefined;
/** One generated municipality for all scenarios (deterministic; generation is the slow part). */
export const municipality = (): Dataset => (shared ??= generateMunicipality({ seed: 12000, students: 600, studentsPerUnit: 150 }));

export async function startScopeStack(dataset: Dataset = municipality()): Promise<ScopeStack> {
  const producers = await startProducers({ dataset });
  const config = Object.fromEntries(
    PRODUCERS.map((name) => [
      name,
      {
        baseUrl: producers.producers[name].url,
        auth: { kind: 'bearer', token: producers.producers[name].token },
        timeoutMs: 5_000,
        maxBatchSize: 200,
        pageSize: 50,
        maxConcurrency: 4,
      },
    ]),
  ) as SourcesConfig;
  const clients = createSourceClients(config, { aliasSecret: ALIAS_SECRET });
  const schemas: Record<ProducerName, GraphQLSchema> = await buildSubgraphSchemas();
  return {
    dataset,
    producers,
    clients,
    query: async (subgraph, scope, document, variables) => {
      const parsed = parse(document);
      const invalid = validate(schemas[subgraph], parsed);
      if (invalid.length > 0) throw new Error(`invalid test document: ${invalid.map((e) => e.message).join('; ')}`);
      return (await execute({
        schema: schemas[subgraph],
        document: parsed,
        variableValues: variables,
        contextValue: { sources: clients.forRequest(scope), caller: undefined as unknown as Caller },
      })) as { data?: any; errors?: readonly { message: string }[] };
    },
    close: async () => {
      await clients.close();
      await producers.close();
    },
  };
}

/** The scope of a supplier limited to `unitIds` (expanded to their sub-units from the dataset's tree). */
export const unitScope = (dataset: Dataset, unitIds: string[], protectedIdentities: RowScope['protectedIdentities']): RowScope => ({
  units: expandUnits(unitIds, [...dataset.organisations.values()].map(organisationNode)).units,
  protectedIdentities,
});

export const allUnits = (protectedIdentities: RowScope['protectedIdentities']): RowScope => ({ units: 'all', protectedIdentities });
