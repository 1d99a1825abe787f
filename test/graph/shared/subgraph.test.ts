import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse, type GraphQLSchema } from 'graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraph } from '../../../src/resolvers/shared/subgraph';
import { formatSubgraphError } from '../../../src/resolvers/shared/errors';
import type { SubgraphContext } from '../../../src/resolvers/shared/context';
import { findWidget, WidgetPartsResolver, WidgetResolver, WidgetStub } from './toy-subgraphs';

// Same-named classes in two domains must not collide in type-graphql's global metadata storage.
describe('buildSubgraph', () => {
  let server: ApolloServer;
  const schemas: Record<string, GraphQLSchema> = {};

  beforeAll(async () => {
    schemas['register'] = await buildSubgraph({
      name: 'register',
      resolvers: [WidgetResolver],
      references: { Widget: (ref) => findWidget(ref.id) },
    });
    schemas['schedule'] = await buildSubgraph({
      name: 'schedule',
      resolvers: [WidgetPartsResolver],
      orphanedTypes: [WidgetStub],
      references: { Widget: (ref) => ({ id: ref.id }) },
    });
    const composed = composeServices(
      Object.entries(schemas).map(([name, schema]) => ({
        name,
        url: `http://${name}.invalid/graphql`,
        typeDefs: parse(printSubgraphSchema(schema)),
      })),
    );
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    const gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: ({ name }) => new LocalGraphQLDataSource(schemas[name]!),
    });
    server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
    await server.start();
  });

  afterAll(async () => {
    await server.stop();
  });

  const run = async (query: string) => {
    const response = await server.executeOperation({ query }, { contextValue: {} as SubgraphContext });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  };

  it('resolves a field contributed by another subgraph onto an entity', async () => {
    const result = await run('{ widget(id: "w1") { name parts { label } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ widget: { name: 'First', parts: [{ label: 'w1-part1' }, { label: 'w1-part2' }] } });
  });

  it('resolves a stub through the owning subgraph reference resolver', async () => {
    const result = await run('{ looseParts { widget { id name colour } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ looseParts: [{ widget: { id: 'w2', name: 'Second', colour: 'BLA_GRON' } }] });
  });

  it('takes SS 12000 enum values by their GraphQL key and hands resolvers the original string', async () => {
    const result = await run('{ widgetsByColour(colour: ROD) { id } }');
    expect(result.data).toEqual({ widgetsByColour: [{ id: 'w1' }] });
  });

  it('shares Meta between subgraphs', async () => {
    const result = await run('{ widget(id: "w1") { meta { modified } parts { meta { created } } } }');
    expect(result.errors).toBeUndefined();
    // In process DateTime serializes to a Date; over HTTP it is this JSON.
    expect(JSON.parse(JSON.stringify(result.data))).toEqual({
      widget: {
        meta: { modified: '2026-01-02T00:00:00.000Z' },
        parts: [{ meta: { created: '2026-01-01T00:00:00.000Z' } }, { meta: { created: '2026-01-01T00:00:00.000Z' } }],
      },
    });
  });

  it('masks an unexpected resolver error with formatSubgraphError', async () => {
    const subgraph = new ApolloServer({ schema: schemas['register']!, formatError: formatSubgraphError });
    await subgraph.start();
    const response = await subgraph.executeOperation({ query: '{ broken }' });
    await subgraph.stop();
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors).toEqual([
      expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ]);
  });
});
