import { startE2E, type E2E } from '../support/e2e';
import type { PersonsPageQuery } from '../support/operations.gen';
import { operation } from '../support/operations';

const PERSONS = operation('persons-page');

describe('paging through persons with first/after', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 200, tuning: { pageSize: 100 } });
  });
  afterAll(() => stack.close());

  it('gives every person exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let hasNextPage = true; hasNextPage;) {
      const { data, errors }: { data?: PersonsPageQuery | null; errors?: unknown } = await stack.query<PersonsPageQuery>(PERSONS, {
        first: 137,
        after,
      });
      expect(errors).toBeUndefined();
      seen.push(...data!.persons!.edges.map((edge) => edge.node.id));
      ({ hasNextPage, endCursor: after } = data!.persons!.pageInfo);
    }
    expect(seen.length).toBe(stack.dataset.persons.size);
    expect(new Set(seen)).toEqual(new Set([...stack.dataset.persons.values()].map((p) => p.id)));
  });

  it('resumes after any edge, not only the last one', async () => {
    const first = await stack.query<PersonsPageQuery>(PERSONS, { first: 20 });
    const ids = first.data!.persons!.edges.map((edge) => edge.node.id);
    const resumed = await stack.query<PersonsPageQuery>(PERSONS, { first: 5, after: first.data!.persons!.edges[9]!.cursor });
    expect(resumed.data!.persons!.edges.map((edge) => edge.node.id)).toEqual(ids.slice(10, 15));
  });
});
