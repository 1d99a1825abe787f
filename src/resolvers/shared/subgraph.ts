import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type DocumentNode, type GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import type { SubgraphContext } from './context';
import { absentListsAsEmpty } from './empty-lists';
import { documentRootPaging } from './paging-documentation';
import { documentFromSpec } from './spec-documentation';

// @apollo/subgraph does not export its resolver-map type; take it from the one-module signature.
type SchemaModule = Exclude<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[] | DocumentNode>;
type ResolverMap = NonNullable<SchemaModule['resolvers']>;

export type ReferenceResolver = (reference: { id: string }, ctx: SubgraphContext) => unknown;

export interface SubgraphOptions {
  /** The subgraph: a producer domain, or `changes`. */
  name: string;
  // type-graphql types resolver classes as Function.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types no query reaches but the subgraph must still declare (entity stubs referenced only by other types). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name; go through the per-request loaders (null for unknown ids). */
  references: Record<string, ReferenceResolver>;
}

// Federation 2 opt-in. Only what the subgraphs use is imported, so a stray directive fails composition loudly.
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

/**
 * A field without a @FieldResolver is read off its row by graphql-js's default resolver. type-graphql
 * otherwise wraps each one to run middlewares and an auth checker, neither of which this project
 * uses (field permissions are field-guard.ts's): a wrapper call and a resolver-data object for every
 * field of every row, thousands per request. Set on the shared metadata before each build, as the
 * option exists per @ObjectType only; a type that states `simpleResolvers` keeps its own choice.
 */
const plainFieldsReadDirectly = (): void => {
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
};

/**
 * type-graphql schema → Federation 2 subgraph schema. type-graphql keeps ONE global metadata store, so
 * every subgraph selects its types through `resolvers`/`orphanedTypes`; classes of different domains
 * may share a GraphQL name (a Person stub in schedule, the full Person in register) as long as no
 * single subgraph reaches both.
 */
export async function buildSubgraph(options: SubgraphOptions): Promise<GraphQLSchema> {
  plainFieldsReadDirectly();
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    validate: false,
  });
  const typeDefs = documentRootPaging(documentFromSpec(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`)));
  const resolvers = createResolversMap(typeGraphqlSchema) as ResolverMap;
  for (const [typeName, resolveReference] of Object.entries(options.references)) {
    const existing = resolvers[typeName];
    if (existing === undefined) throw new Error(`Subgraph ${options.name}: reference resolver for unknown type ${typeName}.`);
    // __resolveReference is federation's extra member of an entity's resolvers, unknown to the map's type.
    resolvers[typeName] = { ...existing, __resolveReference: resolveReference } as ResolverMap[string];
  }
  return absentListsAsEmpty(buildSubgraphSchema({ typeDefs, resolvers }));
}
