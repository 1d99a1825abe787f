// Where the four subgraph schemas come from. Only composition roots (main, subgraph-main, the schema
// script) import this; the gateway itself reaches subgraphs over HTTP and never imports resolvers.
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { buildAttendanceSubgraph } from '../resolvers/attendance';
import { buildChangesSubgraph } from '../resolvers/changes';
import { buildGradesSubgraph } from '../resolvers/grades';
import { buildRegisterSubgraph } from '../resolvers/register';
import { buildScheduleSubgraph } from '../resolvers/schedule';
import { SUBGRAPHS, type SubgraphName } from './subgraph-names';

export const SUBGRAPH_BUILDERS: Record<SubgraphName, () => Promise<GraphQLSchema>> = {
  register: buildRegisterSubgraph,
  schedule: buildScheduleSubgraph,
  attendance: buildAttendanceSubgraph,
  grades: buildGradesSubgraph,
  changes: buildChangesSubgraph,
};

// type-graphql's global metadata is not safe to build from concurrently: build one after another.
export async function buildSubgraphSchemas(): Promise<Record<SubgraphName, GraphQLSchema>> {
  const schemas = {} as Record<SubgraphName, GraphQLSchema>;
  for (const name of SUBGRAPHS) schemas[name] = await SUBGRAPH_BUILDERS[name]();
  return schemas;
}

/** The subgraph's SDL as composition and schema/<name>.graphql see it. */
export const subgraphSdl = (schema: GraphQLSchema): string => printSubgraphSchema(schema);
