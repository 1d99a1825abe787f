// The row scope end to end: the demo suppliers' keys through the gateway (authenticated, signed to
// the subgraphs, field permissions on). demo-lms is limited to Björkhagenskolan with protected
// identities as alias; demo-analytics sees every unit with protected identities excluded.
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { bypassCases } from './support/bypass-cases';
import { schoolUnitByCode, unitTruth } from './support/expected';
import { municipality } from './support/stack';

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ dataset: municipality() });
});
afterAll(() => stack.close());

// The bypass cases' 'demo-analytics' scope (every unit, exclude) reads attendance rows: demo-attendance has
// that scope and the rows' presets (demo-analytics itself is held to the summary by its minimum group size).
const keyOf = { 'demo-lms': DEMO_KEYS.lms, 'demo-analytics': DEMO_KEYS.attendance } as const;

test('demo-lms pages through exactly its unit’s persons', async () => {
  const truth = unitTruth(stack.dataset, schoolUnitByCode(stack.dataset, '91000095'));
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const result: any = await stack.query(
      'query ($after: String) { persons(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      { after },
      { apiKey: DEMO_KEYS.lms },
    );
    expect(result.errors).toBeUndefined();
    seen.push(...result.data.persons.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!result.data.persons.pageInfo.hasNextPage) break;
    after = result.data.persons.pageInfo.endCursor;
  }
  expect(new Set(seen)).toEqual(truth.persons);
  expect(seen.length).toBe(truth.persons.size);
});

// Run through the gateway: the cases that are gateway queries (the `_entities` ones go straight to a
// subgraph and are in the enforcement suite). Field permissions may add FORBIDDEN errors; those
// must leak nothing either.
test.each(
  bypassCases(municipality())
    .filter((c) => c.subgraph === undefined)
    .map((c) => [c.name, c] as const),
)('through the gateway: %s', async (_name, bypass) => {
  const result = await stack.query(bypass.document, bypass.variables, { apiKey: keyOf[bypass.supplier] });
  expect(result.status).toBe(200);
  for (const error of result.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
  bypass.check(result);
  const text = JSON.stringify(result);
  expect(bypass.secrets.filter((secret) => text.includes(secret))).toEqual([]);
});
