// The executor alone (no HTTP, no producers): 2,000 Person rows × 5 fields run by graphql-js
// against three versions of the same schema, to show why field permissions are not graphql-shield
// on every field. Uses the real guard (guardFields + deniedFields) the subgraphs use.
import { execute, type GraphQLSchema, parse } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Caller } from '../../src/auth';
import { deniedFields, rememberDenied } from '../../src/resolvers/shared/permissions/denied-fields';
import { entityTypesOf, guardFields } from '../../src/resolvers/shared/permissions/field-guard';

const ROWS = 2_000;
const FIELDS = ['id', 'givenName', 'familyName', 'securityMarking', 'personStatus'] as const;

const TYPE_DEFS = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { persons: [Person!]! }
  type Person @key(fields: "id") { id: ID! givenName: String! familyName: String! securityMarking: String personStatus: String! civicNo: String }
`);

const PEOPLE = Array.from({ length: ROWS }, (_, index) => ({
  id: `p${index}`,
  givenName: 'Alva',
  familyName: 'Berg',
  securityMarking: 'Ingen',
  personStatus: 'Aktiv',
  civicNo: '200101012383',
}));

export const DOCUMENT = parse(`{ persons { ${FIELDS.join(' ')} } }`);

export const CALLER: Caller = {
  supplier: 'bench',
  units: 'all',
  scopes: ['standard', 'students'],
  protectedIdentities: 'alias',
  minGroupSize: undefined,
  issuedAt: 0,
};

const build = (): GraphQLSchema => buildSubgraphSchema({ typeDefs: TYPE_DEFS, resolvers: { Query: { persons: () => PEOPLE } } });

export interface Variant {
  name: string;
  run(): Promise<unknown>;
}

export const executorVariants = (): Variant[] => {
  const plain = build();

  const guarded = build();
  const entityTypes = entityTypesOf(guarded);
  guardFields(guarded, entityTypes);

  // The naive design: shield on every field, deny by default, caller-only rules cached per request.
  const canRead = rule('can read', { cache: 'contextual' })(() => true);
  const naive = applyMiddleware(
    build(),
    shield({ Query: { persons: canRead }, Person: { '*': canRead }, _Service: allow }, { fallbackRule: deny }),
  );

  return [
    { name: 'no permissions', run: async () => execute({ schema: plain, document: DOCUMENT, contextValue: {} }) },
    {
      name: 'per-operation decision + sync guards (ours)',
      run: async () => {
        const context = { caller: CALLER };
        rememberDenied(context, deniedFields(guarded, entityTypes, DOCUMENT, CALLER));
        return execute({ schema: guarded, document: DOCUMENT, contextValue: context });
      },
    },
    { name: 'graphql-shield on every field', run: async () => execute({ schema: naive, document: DOCUMENT, contextValue: {} }) },
  ];
};
