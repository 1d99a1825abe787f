// The whole graph for scenario tests of the schedule, attendance and grades subgraphs: the four
// demo producers over one generated municipality, the four subgraphs composed by @apollo/gateway,
// served by @apollo/server on a random port, queried over real HTTP.
// Interim: replace with the graph core's e2e helper (test/support) once it exists.
import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { request } from 'undici';
import type { Dataset } from '../../../../src/demo/dataset';
import { generateMunicipality } from '../../../../src/demo/generator';
import { startProducers, type RunningProducer } from '../../../../src/demo/producers';
import { buildAttendanceSubgraph } from '../../../../src/resolvers/attendance';
import { buildGradesSubgraph } from '../../../../src/resolvers/grades';
import { buildRegisterSubgraph } from '../../../../src/resolvers/register';
import { buildScheduleSubgraph } from '../../../../src/resolvers/schedule';
import type { SubgraphContext } from '../../../../src/resolvers/shared/context';
import { createSourceClients, type SourcesConfig } from '../../../../src/sources';
import { PRODUCERS, type ProducerName } from '../../../../src/ss12000/resources';

export interface GraphResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface FederatedGraph {
  readonly dataset: Dataset;
  readonly producers: Record<ProducerName, RunningProducer>;
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphResult<T>>;
  /** Producer requests per route since the last resetStats(), summed over all producers. */
  requests(): Record<string, number>;
  resetStats(): void;
  close(): Promise<void>;
}

let dataset: Dataset | undefined;
/** One small municipality per test file (generation is deterministic). */
export const municipality = (): Dataset => (dataset ??= generateMunicipality({ seed: 7, students: 300 }));

const subgraphs = async (): Promise<Record<ProducerName, GraphQLSchema>> => ({
  register: await buildRegisterSubgraph(),
  schedule: await buildScheduleSubgraph(),
  attendance: await buildAttendanceSubgraph(),
  grades: await buildGradesSubgraph(),
});

export async function startFederatedGraph(): Promise<FederatedGraph> {
  const data = municipality();
  const { producers, close: closeProducers } = await startProducers({ dataset: data });
  const config = Object.fromEntries(
    PRODUCERS.map((name) => [
      name,
      { baseUrl: producers[name].url, auth: { kind: 'bearer', token: producers[name].token }, timeoutMs: 10_000, maxBatchSize: 1000, pageSize: 100, maxConcurrency: 8 },
    ]),
  ) as SourcesConfig;
  const clients = createSourceClients(config);
  const schemas = await subgraphs();
  const composed = composeServices(
    PRODUCERS.map((name) => ({ name, url: `local://${name}`, typeDefs: parse(printSubgraphSchema(schemas[name])) })),
  );
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ name }) => new LocalGraphQLDataSource(schemas[name as ProducerName]),
  });
  const server = new ApolloServer<SubgraphContext>({ gateway, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async () => ({ sources: clients.forRequest() }),
  });
  const all = Object.values(producers);
  return {
    dataset: data,
    producers,
    async query(query, variables) {
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.body.json()) as GraphResult<any>;
    },
    requests() {
      const counts: Record<string, number> = {};
      for (const producer of all) for (const [route, n] of Object.entries(producer.stats().byRoute)) counts[route] = (counts[route] ?? 0) + n;
      return counts;
    },
    resetStats: () => all.forEach((producer) => producer.resetStats()),
    async close() {
      await server.stop();
      await clients.close();
      await closeProducers();
    },
  };
}
