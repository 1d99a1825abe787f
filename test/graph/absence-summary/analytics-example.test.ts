// examples/absence-per-unit.graphql as the demo analytics tool sends it: absence per school unit over
// the autumn term, unit names resolved by the register, no row below the supplier's minimum group size.
import { generateMunicipality } from '../../../src/demo/generator';
import { DEMO_KEYS, startE2E, type E2E } from '../../support/e2e';
import type { AbsencePerUnitQuery, AbsencePerUnitQueryVariables } from '../../support/operations.gen';
import { operation } from '../../support/operations';

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ dataset: generateMunicipality({ students: 300 }), tuning: { timeoutMs: 30_000 } });
});
afterAll(() => stack?.close());

test('demo-analytics gets every unit with lessons in the term (a förskola has none) with its name and rates, none below five students', async () => {
  const variables: AbsencePerUnitQueryVariables = { from: '2026-08-17', to: '2026-12-18' };
  const { data, errors } = await stack.query<AbsencePerUnitQuery>(operation('absence-per-unit'), variables, {
    apiKey: DEMO_KEYS.analytics,
  });
  expect(errors).toBeUndefined();
  const summary = data!.absenceSummary;
  const activities = [...stack.dataset.activities.values()];
  const units = [...stack.dataset.organisations.values()].filter(
    (organisation) => organisation.organisationType === 'Skolenhet' && activities.some((a) => a.organisation.id === organisation.id),
  );
  expect(units.length).toBeGreaterThanOrEqual(3);
  expect(summary.totalCount).toBe(units.length);
  for (const { node } of summary.edges) {
    expect(units.map((unit) => unit.displayName)).toContain(node.schoolUnit?.displayName);
    expect(node.studentCount).toBeGreaterThanOrEqual(5);
    expect(node.absenceRate).toBeCloseTo((node.validAbsenceMinutes + node.invalidAbsenceMinutes) / node.offeredMinutes, 12);
  }
  expect(summary.total?.studentCount).toBeGreaterThan(0);
  expect(summary.pageInfo.hasNextPage).toBe(false);
});
