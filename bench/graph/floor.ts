// The frameworks' floor: what @apollo/gateway, @apollo/server and graphql-js alone cost to carry one
// standard query's answer to the client when nothing has to be fetched from a producer. The same four
// subgraph schemas (schema/*.graphql), composed into the same supergraph, so the gateway makes the
// same query plan and the same subgraph fetches over HTTP; but every root field and entity reference
// answers from memory, out of the answer the real gateway gave. No sources, payload validation, row
// scope, field permissions, type-graphql, caller signing or audit. Any gateway on these packages and
// this subgraph split pays at least this on top of fetching the data, which is all the direct client does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  getNamedType,
  isObjectType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { SCHEMA_DIR } from '../../src/config/paths';
import { startHttpFront } from '../../src/gateway/http-server';
import { createSubgraphFetcher, type SubgraphFetcher } from '../../src/gateway/subgraph-fetcher';
import { PRODUCERS } from '../../src/ss12000/resources';

const LOOPBACK = { host: '127.0.0.1', port: 0 };

type Data = Record<string, unknown>;

export interface FloorStack {
  /** The floor gateway's /graphql URL. */
  readonly url: string;
  /**
   * The document to send to the real gateway once: `document` with `__typename` and `id` added
   * wherever they exist, so that its answer can be served back by type and id.
   */
  capturing(document: string): string;
  /** What the floor answers from now on: the real gateway's `data` for `capturing(document)`. */
  serve(data: Data): void;
  close(): Promise<void>;
}

const field = (name: string): FieldNode => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } });

function withKeys(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet(node) {
        const parent = typeInfo.getParentType();
        const type = parent && getNamedType(parent);
        const has = (name: string) => node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === name && !s.alias);
        const added = ['__typename', ...(isObjectType(type) && type.getFields()['id'] ? ['id'] : [])].filter((name) => !has(name));
        return added.length === 0 ? undefined : { ...node, selections: [...node.selections, ...added.map(field)] };
      },
    }),
  );
}

// Every object of an answer that has a type and an id, its fields merged over every place it appears.
function indexById(data: Data): Map<string, Data> {
  const index = new Map<string, Data>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    const object = value as Data;
    for (const child of Object.values(object)) walk(child);
    if (typeof object['__typename'] !== 'string' || typeof object['id'] !== 'string') return;
    const key = `${object['__typename']}:${object['id']}`;
    const seen = index.get(key);
    if (seen) Object.assign(seen, object);
    else index.set(key, object);
  };
  walk(data);
  return index;
}

const noPlugins = () => [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()];

export async function startFloorStack(): Promise<FloorStack> {
  const stoppers: (() => Promise<void>)[] = [];
  const fetcher = createSubgraphFetcher();
  const close = async (): Promise<void> => {
    for (const stop of stoppers) await stop();
    await fetcher.close();
  };
  try {
    return { ...(await startServers(stoppers, fetcher)), close };
  } catch (error) {
    await close();
    throw error;
  }
}

// The four subgraphs and the gateway; each server's stop is in `stoppers` as soon as it runs, so a
// failure halfway leaves nothing listening.
async function startServers(stoppers: (() => Promise<void>)[], fetcher: SubgraphFetcher): Promise<Omit<FloorStack, 'close'>> {
  let root: Data = {};
  let index = new Map<string, Data>();
  const services = [];
  for (const name of PRODUCERS) {
    const typeDefs = parse(readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), 'utf8'));
    const definitions = typeDefs.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
    const queryFields = definitions.find((d) => d.name.value === 'Query')?.fields ?? [];
    const entities = definitions.filter((d) => d.directives?.some((directive) => directive.name.value === 'key'));
    const resolvers = {
      Query: Object.fromEntries(queryFields.map((f) => [f.name.value, () => root[f.name.value]])),
      ...Object.fromEntries(
        entities.map((entity) => [
          entity.name.value,
          { __resolveReference: (ref: { id: string }) => index.get(`${entity.name.value}:${ref.id}`) ?? ref },
        ]),
      ),
    };
    const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }), plugins: noPlugins() });
    const front = await startHttpFront({ server, listen: LOOPBACK, context: async () => ({}) });
    stoppers.push(() => server.stop());
    services.push({ name, url: new URL('graphql', front.url).toString(), typeDefs });
  }
  const composed = composeServices(services);
  if (!composed.supergraphSdl) throw new Error(`floor composition failed: ${composed.errors?.map((e) => e.message).join('; ')}`);
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url, fetcher: fetcher.fetch }),
  });
  // The API schema, through the gateway's own public load() (a second one: the server loads its own).
  const reader = new ApolloGateway({ supergraphSdl: composed.supergraphSdl });
  const { schema: apiSchema } = await reader.load();
  await reader.stop();
  const server = new ApolloServer({ gateway });
  const front = await startHttpFront({ server, listen: LOOPBACK, context: async () => ({}) });
  stoppers.unshift(() => server.stop());
  return {
    url: new URL('graphql', front.url).toString(),
    capturing: (document) => print(withKeys(apiSchema, parse(document))),
    serve: (data) => {
      root = data;
      index = indexById(data);
    },
  };
}
