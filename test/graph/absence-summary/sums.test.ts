// Query.absenceSummary through the gateway: its figures equal sums computed independently from the
// generator's per-lesson attendance, and both summary sources (/aggregatedAttendance and the
// per-lesson /attendances) give identical answers on the demo data.
import { generateMunicipality } from '../../../src/demo/generator';
import { startE2E, type E2E } from '../../support/e2e';
import { expectedSummary } from './expected';
import { figuresByKey, SUMMARY, type SummaryData } from './query';

// Small: the per-lesson source walks every attendance row of each unit (the year's, /attendances has no date filter).
const dataset = generateMunicipality({ seed: 7, students: 150 });
const window = { startDate: '2026-09-01', endDate: '2026-10-31' };
const vars = { from: window.startDate, to: window.endDate, first: 1000 };

let aggregated: E2E;
let perLesson: E2E;

beforeAll(async () => {
  // Generous producer timeouts: the machine running the tests may be busy. One alias secret, as one
  // deployment has: summary cursors are sealed with a key from it, and the answers are compared whole.
  const aliasSecret = 'sums-test: one deployment, one alias secret';
  aggregated = await startE2E({ dataset, aliasSecret, tuning: { timeoutMs: 30_000 } });
  perLesson = await startE2E({ dataset, aliasSecret, tuning: { timeoutMs: 30_000, summarySource: 'attendances' } });
}, 60_000);
afterAll(async () => {
  await aggregated?.close();
  await perLesson?.close();
});

const summary = async (stack: E2E, variables: Record<string, unknown>): Promise<SummaryData> => {
  const { data, errors } = await stack.query<SummaryData>(SUMMARY, { ...vars, ...variables });
  expect(errors).toBeUndefined();
  return data!;
};

test('per school unit: every unit with lessons in the window, summed like the per-lesson rows', async () => {
  const data = await summary(aggregated, { groupBy: 'SCHOOL_UNIT' });
  const expected = expectedSummary(dataset, window, (lesson) => [lesson.unit]);
  expect(expected.size).toBeGreaterThanOrEqual(3);
  expect(figuresByKey(data)).toEqual(expected);
});

test('the total covers the whole selection and its rates are fractions of offered minutes', async () => {
  const data = await summary(aggregated, { groupBy: 'SCHOOL_UNIT' });
  const total = expectedSummary(dataset, window, () => ['all']).get('all')!;
  const { absenceRate, ...figures } = data.absenceSummary.total!;
  expect(figures).toEqual(total);
  expect(absenceRate).toBeCloseTo((total.validAbsenceMinutes + total.invalidAbsenceMinutes) / total.offeredMinutes, 12);
  expect(data.absenceSummary.suppressed).toEqual({ rows: 0, students: 0 });
});

test('per group: a lesson counts in each group of its activity', async () => {
  const data = await summary(aggregated, { groupBy: 'GROUP' });
  expect(figuresByKey(data)).toEqual(expectedSummary(dataset, window, (lesson) => lesson.groups));
});

test('per student, paged: the pages together hold every student once', async () => {
  const expected = expectedSummary(dataset, window, (lesson) => [lesson.student]);
  const first = await summary(aggregated, { groupBy: 'STUDENT', first: 60 });
  expect(first.absenceSummary.pageInfo.hasNextPage).toBe(true);
  const rest = await summary(aggregated, { groupBy: 'STUDENT', first: 1000, after: first.absenceSummary.pageInfo.endCursor });
  expect(rest.absenceSummary.pageInfo.hasNextPage).toBe(false);
  const seen = new Map([...figuresByKey(first), ...figuresByKey(rest)]);
  expect(first.absenceSummary.edges.length + rest.absenceSummary.edges.length).toBe(expected.size);
  expect(seen).toEqual(expected);
});

test('filters narrow the selection: one group of one unit', async () => {
  const expected = expectedSummary(dataset, window, (lesson) => lesson.groups);
  const [group] = [...expected.keys()];
  const unit = [...dataset.groups.values()].find((g) => g.id === group)!.organisation.id;
  const data = await summary(aggregated, { groupBy: 'GROUP', filter: { units: [unit], groups: [group] } });
  expect(figuresByKey(data)).toEqual(new Map([[group, expected.get(group)]]));
});

test('both summary sources give identical figures for every grouping but school type', async () => {
  for (const groupBy of ['SCHOOL_UNIT', 'GROUP', 'STUDENT', 'ACTIVITY']) {
    const [fromAggregates, fromLessons] = await Promise.all([summary(aggregated, { groupBy }), summary(perLesson, { groupBy })]);
    expect(fromAggregates.absenceSummary.edges.length).toBeGreaterThan(0);
    expect(fromLessons).toEqual(fromAggregates);
  }
}, 180_000);

test('per school type: each activity under the school type the producer links it to', async () => {
  const data = await summary(aggregated, { groupBy: 'SCHOOL_TYPE' });
  const rows = data.absenceSummary.edges.map((edge) => edge.node);
  expect(rows.length).toBeGreaterThan(1);
  const offered = rows.reduce((sum, row) => sum + row.offeredMinutes, 0);
  expect(offered).toBe(data.absenceSummary.total!.offeredMinutes);
});

test('the per-lesson source refuses school types with a clear error', async () => {
  const { errors } = await perLesson.query(SUMMARY, { ...vars, groupBy: 'SCHOOL_TYPE' });
  expect(errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  expect(errors?.[0]?.message).toMatch(/school types/i);
});

test('an inverted window and a forged cursor are bad input', async () => {
  const inverted = await aggregated.query(SUMMARY, { ...vars, from: '2026-10-01', to: '2026-09-01', groupBy: 'SCHOOL_UNIT' });
  expect(inverted.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  const forged = await aggregated.query(SUMMARY, { ...vars, groupBy: 'SCHOOL_UNIT', after: 'bm90LWEtY3Vyc29y' });
  expect(forged.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
});
