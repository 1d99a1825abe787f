// protectedIdentities: exclude, filtered on real values: a protected person is not in the answer,
// and the answer's paging does not count them either. Answered page by page, a page whose visible
// rows ran out while the producer's did not said `hasNextPage: true` and then served an empty
// page: paging `persons(nameContains: [name], first: 1)` told whether a hidden person of that name
// came last. Over the subgraph schema with the scoped sources (the demo municipality, seed 12000).
import type * as W from '../../src/ss12000/wire';
import { isProtectedPerson } from './support/protected';
import { allUnits, startScopeStack, type ScopeStack } from './support/stack';

const scope = allUnits('exclude');
let stack: ScopeStack;
let protectedPersons: W.Person[];

beforeAll(async () => {
  stack = await startScopeStack();
  protectedPersons = [...stack.dataset.persons.values()].filter(isProtectedPerson);
});
afterAll(() => stack.close());

/** Page sizes of paging `args` one row at a time. */
async function pageSizes(args: string, person: W.Person): Promise<number[]> {
  const sizes: number[] = [];
  let after: string | null = null;
  for (;;) {
    const result: { data?: any; errors?: unknown } = await stack.query(
      'register',
      scope,
      `query ($after: String) { persons(${args}, first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data.persons;
    expect(page.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(person.id);
    sizes.push(page.edges.length);
    if (!page.pageInfo.hasNextPage) return sizes;
    after = page.pageInfo.endCursor;
  }
}

test('paging a real name or civic number one row at a time: every page holds a row, none counts a hidden person', async () => {
  expect(protectedPersons.length).toBeGreaterThan(5);
  for (const person of protectedPersons) {
    for (const args of [
      `nameContains: ${JSON.stringify([person.givenName])}`,
      `nameContains: ${JSON.stringify([person.familyName])}`,
      `civicNo: ${JSON.stringify(person.civicNo?.value)}`,
    ]) {
      const sizes = await pageSizes(args, person);
      expect({ args, sizes }).toEqual({ args, sizes: sizes.length === 1 && sizes[0] === 0 ? [0] : sizes.map(() => 1) });
    }
  }
});
