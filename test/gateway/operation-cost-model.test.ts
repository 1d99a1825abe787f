// The cost model of src/gateway/operation-cost.ts on the committed supergraph, without a stack: what
// each rule adds, so a change to the model shows here first.
import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { SUPERGRAPH_PATH } from '../../src/config/paths';
import { COST_MODEL, operationCost } from '../../src/gateway/operation-cost';

const schema = buildSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const cost = (query: string, variables?: Record<string, unknown>, operationName?: string): number | undefined =>
  operationCost(schema, { document: parse(query), variables, operationName });

test('scalars are free; an object costs 1', () => {
  expect(cost('{ person(id: "p") { id givenName } }')).toBe(1);
  expect(cost('{ person(id: "p") { id } organisation(id: "o") { id } }')).toBe(2);
});

test('a connection costs 1 plus `first` × each row (edge + node); pageInfo is free', () => {
  expect(cost('{ persons(first: 200) { edges { node { id } } pageInfo { endCursor } } }')).toBe(1 + 200 * 2);
  expect(cost('query ($n: Int) { persons(first: $n) { edges { node { id } } } }', { n: 7 })).toBe(1 + 7 * 2);
  // Without `first`, the subgraphs' default page; above the maximum, the maximum.
  expect(cost('{ persons { edges { node { id } } } }')).toBe(1 + COST_MODEL.connectionDefaultFirst * 2);
  expect(cost('{ persons(first: 5000) { edges { node { id } } } }')).toBe(1 + COST_MODEL.connectionMaxFirst * 2);
});

test('a list without `first` holds the assumed size (or its known size) and multiplies what is under it', () => {
  // Person.groupMemberships: the default size; each membership holds one group.
  expect(cost('{ person(id: "p") { groupMemberships { group { id } } } }')).toBe(1 + COST_MODEL.assumedListSize * 2);
  // Person.responsibles: a student's guardians, 3.
  expect(cost('{ person(id: "p") { responsibles { person { id } } } }')).toBe(1 + 3 * 2);
  // Group.groupMemberships: a class, 30.
  expect(cost('{ group(id: "g") { groupMemberships { person { id } } } }')).toBe(1 + 30 * 2);
});

test('absenceSummary carries its weight on top of its rows', () => {
  const summary =
    'absenceSummary(startDate: "2026-08-17", endDate: "2026-12-18", groupBy: SCHOOL_UNIT, first: 10) { edges { node { studentCount } } }';
  expect(cost(`{ ${summary} }`)).toBe(2000 + 1 + 10 * 2);
  expect(cost(`{ a: ${summary} b: ${summary} }`)).toBe(2 * (2000 + 1 + 10 * 2));
});

test('@skip and @include are honoured, introspection is free, only the named operation counts', () => {
  expect(cost('query ($s: Boolean!) { person(id: "p") @skip(if: $s) { id } }', { s: true })).toBe(0);
  expect(cost('{ __schema { types { name fields { name type { name ofType { name } } } } } }')).toBe(0);
  expect(cost('query A { person(id: "p") { id } } query B { persons(first: 3) { edges { node { id } } } }', {}, 'B')).toBe(7);
});

test('fragments count like the fields they stand for', () => {
  expect(cost('{ persons(first: 10) { edges { ...E } } } fragment E on PersonEdge { node { responsibles { person { id } } } }')).toBe(
    1 + 10 * (2 + 3 * 2),
  );
});

test('variables that do not coerce are left to the gateway, which refuses them before planning', () => {
  expect(cost('query ($n: Int) { persons(first: $n) { edges { node { id } } } }', { n: 'many' })).toBeUndefined();
  expect(cost('query ($id: ID!) { person(id: $id) { id } }')).toBeUndefined();
});

test('a document too large to price (fragments spread over and over) is refused: BAD_USER_INPUT', () => {
  // Ten levels of a fragment spreading the next one ten times: 10^10 nodes to evaluate.
  const levels = Array.from(
    { length: 10 },
    (_, level) =>
      `fragment F${level} on Person { ${Array.from({ length: 10 }, (_, i) => `a${i}: responsibles { person { ...F${level + 1} } }`).join(' ')} }`,
  );
  const query = `{ person(id: "p") { ...F0 } } ${levels.join(' ')} fragment F10 on Person { id }`;
  expect(() => cost(query)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
});
