// Paging a summary: the first page computes it, the pages after it read the same rows (a snapshot),
// so a 100,000-student walk costs one computation and the pages agree. A snapshot serves only the
// supplier, scope and arguments it was computed for, and its cursor is sealed for the supplier and the
// arguments: presented by another supplier or with other arguments it is BAD_USER_INPUT, as a list's is.
// Across replicas (snapshots in Redis): replicas.test.ts.
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

const refused = async (variables: Record<string, unknown>, apiKey: string = DEMO_KEYS.full): Promise<void> => {
  const before = attendanceRequests();
  const { data, errors } = await stack.query<SummaryData>(SUMMARY, { ...base, ...variables }, { apiKey });
  expect(data?.absenceSummary ?? null).toBeNull();
  expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after' }) })]);
  expect(attendanceRequests()).toBe(before);
};

test("another supplier's cursor is refused before anything is read", async () => {
  // demo-full sees every student; demo-analytics leaves protected students out and suppresses below 5.
  const full = await summary({ first: 20, groupBy: 'GROUP' });
  await refused({ first: 20, groupBy: 'GROUP', after: full.pageInfo.endCursor }, DEMO_KEYS.analytics);
});

test('the same cursor with other arguments is refused, and a forged one too', async () => {
  const september = await summary({ first: 20, to: '2026-09-30' });
  await refused({ first: 20, from: '2026-10-01', after: september.pageInfo.endCursor });
  await refused({ first: 20, to: '2026-09-30', after: Buffer.from('summary::20', 'utf8').toString('base64url') });
  // The right page still comes with the right arguments.
  const next = await summary({ first: 20, to: '2026-09-30', after: september.pageInfo.endCursor });
  const whole = await summary({ first: 40, to: '2026-09-30' });
  expect(next.edges).toEqual(whole.edges.slice(20, 40));
});
