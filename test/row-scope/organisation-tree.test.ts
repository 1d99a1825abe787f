// Suppliers may name a unit by schoolUnitCode (demo-lms: '91000095'). At start the gateway reads
// the organisation tree from the register producer and turns the code into the unit's id plus
// its sub-units (auth's expandUnits).
import { expandUnits, loadSuppliersConfig } from '../../src/auth';
import { fetchOrganisationTree } from '../../src/sources';
import { schoolUnitByCode } from './support/expected';
import { startScopeStack, type ScopeStack } from './support/stack';

let stack: ScopeStack;
beforeAll(async () => {
  stack = await startScopeStack();
});
afterAll(() => stack.close());

test('the tree holds every organisation with its parent and schoolUnitCode', async () => {
  const tree = await fetchOrganisationTree(stack.clients);
  const expected = [...stack.dataset.organisations.values()].map((o) => ({
    id: o.id,
    parentId: o.parentOrganisation?.id,
    schoolUnitCode: o.schoolUnitCode,
  }));
  expect(tree).toEqual(expected);
});

test('demo-lms’s schoolUnitCode resolves to Björkhagenskolan and nothing else', async () => {
  const lms = (await loadSuppliersConfig('config/suppliers.yaml')).byName.get('demo-lms');
  const expanded = expandUnits(lms?.units ?? [], await fetchOrganisationTree(stack.clients));
  expect(expanded).toEqual({ units: new Set([schoolUnitByCode(stack.dataset, '91000095')]), unresolved: [] });
});
