// Every row-scope bypass case (support/bypass-cases.ts) against the subgraph that serves it, with
// the scope of the demo supplier it names: nothing of another unit or of a protected person comes
// back, in data or in error messages, and nothing errors.
import type { RowScope } from '../../src/sources';
import { bypassCases } from './support/bypass-cases';
import { schoolUnitByCode } from './support/expected';
import { allUnits, municipality, startScopeStack, unitScope, type ScopeStack } from './support/stack';

let stack: ScopeStack;
beforeAll(async () => {
  stack = await startScopeStack();
});
afterAll(() => stack.close());

const scopes = (): Record<'demo-lms' | 'demo-analytics', RowScope> => ({
  'demo-lms': unitScope(stack.dataset, [schoolUnitByCode(stack.dataset, '91000095')], 'alias'),
  'demo-analytics': allUnits('exclude'),
});

test.each(bypassCases(municipality()).map((c) => [c.name, c] as const))('%s', async (_name, bypass) => {
  const result = await stack.query(bypass.subgraph ?? bypass.servedBy, scopes()[bypass.supplier], bypass.document, bypass.variables);
  expect(result.errors).toBeUndefined();
  bypass.check(result);
  const text = JSON.stringify(result);
  expect(bypass.secrets.filter((secret) => text.includes(secret))).toEqual([]);
});
