// pageInfo.totalCount through the gateway, for a supplier whose contract is narrow: known on a
// first page that holds the whole list, null when the list goes on.
import { DEMO_KEYS, startE2E, type E2E } from '../../support/e2e';

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ students: 30 });
});
afterAll(() => stack.close());

type Page = { organisations: { pageInfo: { hasNextPage: boolean; totalCount: number | null }; edges: unknown[] } };

test('a first page holding the whole list counts it; a page with more after it does not guess', async () => {
  const whole = await stack.query<Page>(
    '{ organisations(first: 1000) { pageInfo { hasNextPage totalCount } edges { node { id } } } }',
    undefined,
    { apiKey: DEMO_KEYS.lms },
  );
  expect(whole.errors).toBeUndefined();
  expect(whole.data!.organisations.pageInfo).toEqual({ hasNextPage: false, totalCount: whole.data!.organisations.edges.length });
  const first = await stack.query<Page>(
    '{ organisations(first: 1) { pageInfo { hasNextPage totalCount } edges { node { id } } } }',
    undefined,
    { apiKey: DEMO_KEYS.lms },
  );
  expect(first.data!.organisations.pageInfo).toEqual({ hasNextPage: true, totalCount: null });
});
