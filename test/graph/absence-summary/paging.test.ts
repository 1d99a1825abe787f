// Paging a summary: the first page computes it, the pages after it read the same rows (a snapshot),
// so a 100,000-student walk costs one computation and the pages agree. A snapshot serves only the
// supplier, scope and arguments it was computed for.
import { generateMunicipality } from '../../../src/demo/generator';
import { DEMO_KEYS, startE2E, type E2E } from '../../support/e2e';
import { figuresByKey, SUMMARY, type SummaryData } from './query';

const dataset = generateMunicipality({ seed: 11, students: 150 });
const base = { from: '2026-09-01', to: '2026-10-31', groupBy: 'STUDENT' };

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ dataset, tuning: { timeoutMs: 30_000 } });
});
afterAll(() => stack?.close());

const summary = async (variables: Record<string, unknown>, apiKey: string = DEMO_KEYS.full): Promise<SummaryData['absenceSummary']> => {
  const { data, errors } = await stack.query<SummaryData>(SUMMARY, { ...base, ...variables }, { apiKey });
  expect(errors).toBeUndefined();
  return data!.absenceSummary;
};

const attendanceRequests = (): number => stack.producers.attendance.stats().total;

test('walking the pages gives every row once, as one big page does, and only the first page asks the producer', async () => {
  const whole = await summary({ first: 1000 });
  expect(whole.totalCount).toBeGreaterThan(100);
  const pages: SummaryData['absenceSummary'][] = [];
  let after: string | null = null;
  let requestsAfterFirstPage = 0;
  do {
    const before = attendanceRequests();
    const page: SummaryData['absenceSummary'] = await summary({ first: 40, after });
    if (pages.length > 0) requestsAfterFirstPage += attendanceRequests() - before;
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  expect(pages.length).toBe(Math.ceil(whole.totalCount / 40));
  const walked = pages.flatMap((page) => page.edges);
  expect(walked.length).toBe(whole.totalCount);
  expect(new Map(pages.flatMap((page) => [...figuresByKey({ absenceSummary: page })]))).toEqual(figuresByKey({ absenceSummary: whole }));
  expect(requestsAfterFirstPage).toBe(0);
});

test("another supplier's cursor reads nothing from the snapshot: the page is computed for that supplier", async () => {
  // demo-full sees every student; demo-analytics leaves protected students out and suppresses below 5.
  const full = await summary({ first: 20 });
  const before = attendanceRequests();
  const replayed = await summary({ first: 20, after: full.pageInfo.endCursor }, DEMO_KEYS.analytics);
  expect(attendanceRequests()).toBeGreaterThan(before);
  const own = await summary({ first: 40 }, DEMO_KEYS.analytics);
  expect(replayed.edges).toEqual(own.edges.slice(20, 40));
  expect(replayed.totalCount).toBe(own.totalCount);
});

test('other arguments with the same cursor are recomputed, not served from the snapshot', async () => {
  const september = await summary({ first: 20, to: '2026-09-30' });
  const october = await summary({ first: 20, from: '2026-10-01', after: september.pageInfo.endCursor });
  const ownOctober = await summary({ first: 40, from: '2026-10-01' });
  expect(october.edges).toEqual(ownOctober.edges.slice(20, 40));
});
