// The summary within a supplier's permissions: units, protected identities, minimum group size.
// The caller is what the gateway verifies and signs onto each subgraph request; here the attendance
// subgraph runs in-process with that context (caller + row-scoped sources), over the real demo producers.
import { randomBytes } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Caller } from '../../../src/auth';
import { generateMunicipality } from '../../../src/demo/generator';
import { DEMO_TUNING } from '../../../src/gateway/embedded';
import { startProducers, type RunningProducers } from '../../../src/demo/producers';
import { buildAttendanceSubgraph } from '../../../src/resolvers/attendance';
import { rowScopeFor } from '../../../src/resolvers/shared/row-scope';
import { createSourceClients, type SourceClients, type Sources, type SourcesConfig } from '../../../src/sources';
import { PRODUCERS } from '../../../src/ss12000/resources';
import { Seal } from '../../../src/lib/seal';
import { createSharedStore } from '../../../src/state';
import { expectedSummary, type Lesson } from './expected';
import { figuresByKey, SUMMARY, type SummaryData } from './query';

const dataset = generateMunicipality({ seed: 7, students: 300 });
const window = { startDate: '2026-09-01', endDate: '2026-10-31' };

let producers: RunningProducers;
let clients: SourceClients;
let schema: GraphQLSchema;
// The rest of the context the subgraph server gives every request: where snapshots go, the cursor seal.
const shared = createSharedStore();
const cursorSeal = new Seal(randomBytes(32));

beforeAll(async () => {
  producers = await startProducers({ dataset });
  const config = Object.fromEntries(
    PRODUCERS.map((name) => [
      name,
      {
        ...DEMO_TUNING,
        timeoutMs: 30_000,
        baseUrl: producers.producers[name].url,
        auth: { kind: 'bearer', token: producers.producers[name].token },
      },
    ]),
  ) as SourcesConfig;
  clients = createSourceClients(config);
  schema = await buildAttendanceSubgraph();
});
afterAll(async () => {
  await clients?.close();
  await producers?.close();
  await shared.close();
});

const analytics = (overrides: Partial<Caller> = {}): Caller => ({
  supplier: 'analytics',
  units: 'all',
  scopes: ['standard', 'attendance'],
  protectedIdentities: 'alias',
  minGroupSize: undefined,
  issuedAt: Date.now(),
  ...overrides,
});

// The sources as the subgraph builds them for this caller: already narrowed by the row scope.
const sourcesFor = (caller: Caller): Sources => clients.forRequest(rowScopeFor(caller));

async function summaryAs(caller: Caller, variables: Record<string, unknown>): Promise<SummaryData> {
  const result = await graphql({
    schema,
    source: SUMMARY,
    variableValues: { from: window.startDate, to: window.endDate, first: 1000, ...variables },
    contextValue: { sources: sourcesFor(caller), caller, shared, cursorSeal },
  });
  expect(result.errors).toBeUndefined();
  return result.data as unknown as SummaryData;
}

const byUnit = expectedSummary(dataset, window, (lesson) => [lesson.unit]);
const [unitA, unitB] = [...byUnit.keys()] as [string, string];

test('a caller limited to one unit sees only that unit, in rows and in the total', async () => {
  const data = await summaryAs(analytics({ units: new Set([unitA]) }), { groupBy: 'SCHOOL_UNIT' });
  expect(figuresByKey(data)).toEqual(new Map([[unitA, byUnit.get(unitA)]]));
  const { absenceRate: _rate, ...total } = data.absenceSummary.total!;
  expect(total).toEqual(byUnit.get(unitA));
});

test("asking for a unit outside the caller's units gives nothing of it", async () => {
  const data = await summaryAs(analytics({ units: new Set([unitA]) }), { groupBy: 'GROUP', filter: { units: [unitB] } });
  expect(data.absenceSummary.edges).toEqual([]);
  expect(data.absenceSummary.total!.studentCount).toBe(0);
});

describe('minimum group size', () => {
  const byGroup = expectedSummary(dataset, window, (lesson) => lesson.groups);
  const sizes = [...byGroup.values()].map((figures) => figures.studentCount);
  // A threshold some groups reach exactly and some do not.
  const n = [...new Set(sizes)].sort((a, b) => a - b).find((size) => sizes.some((s) => s < size))!;
  const atThreshold = [...byGroup].find(([, figures]) => figures.studentCount === n)![0];

  test('a row describing exactly n students is shown at minGroupSize n; fewer are suppressed and counted', async () => {
    const data = await summaryAs(analytics({ minGroupSize: n }), { groupBy: 'GROUP' });
    const shown = figuresByKey(data);
    expect(shown.get(atThreshold)).toEqual(byGroup.get(atThreshold));
    expect([...shown.values()].every((figures) => figures.studentCount >= n)).toBe(true);
    const under = sizes.filter((size) => size < n);
    expect(data.absenceSummary.suppressed).toEqual({ rows: under.length, students: under.reduce((a, b) => a + b, 0) });
    expect(data.absenceSummary.totalCount).toBe(byGroup.size - under.length);
  });

  test('the same row is suppressed at minGroupSize n + 1', async () => {
    const data = await summaryAs(analytics({ minGroupSize: n + 1 }), { groupBy: 'GROUP' });
    expect(figuresByKey(data).has(atThreshold)).toBe(false);
    expect(data.absenceSummary.suppressed.rows).toBe(sizes.filter((size) => size <= n).length);
  });

  test('an aggregate-only supplier (minGroupSize 5) gets no per-student row at all', async () => {
    const data = await summaryAs(analytics({ minGroupSize: 5 }), { groupBy: 'STUDENT' });
    expect(data.absenceSummary.edges).toEqual([]);
    expect(data.absenceSummary.suppressed.rows).toBe(expectedSummary(dataset, window, (lesson) => [lesson.student]).size);
    expect(data.absenceSummary.total).not.toBeNull();
  });

  test('a total describing fewer students than the minimum is withheld too', async () => {
    // Without a minimum a student list is allowed; the total of one student is then shown.
    const student = [...expectedSummary(dataset, window, (lesson) => [lesson.student]).keys()][0]!;
    const one = await summaryAs(analytics(), { groupBy: 'SCHOOL_UNIT', filter: { students: [student] } });
    expect(one.absenceSummary.total!.studentCount).toBe(1);
    const smallest = [...byGroup].sort(([, a], [, b]) => a.studentCount - b.studentCount)[0]!;
    const data = await summaryAs(analytics({ minGroupSize: smallest[1].studentCount + 1 }), {
      groupBy: 'SCHOOL_UNIT',
      filter: { groups: [smallest[0]] },
    });
    expect(data.absenceSummary.edges).toEqual([]);
    expect(data.absenceSummary.total).toBeNull();
  });
});

describe('protected identities', () => {
  const isProtected = (id: string): boolean => (dataset.persons.get(id)?.securityMarking ?? 'Ingen') !== 'Ingen';
  const everyone = expectedSummary(dataset, window, () => ['all']).get('all')!;
  const unprotected = expectedSummary(
    dataset,
    window,
    () => ['all'],
    (lesson: Lesson) => !isProtected(lesson.student),
  ).get('all')!;

  test('the demo data has protected students with lessons in the window', () => {
    expect(unprotected.studentCount).toBeLessThan(everyone.studentCount);
  });

  test('exclude: protected students are left out of every figure, rows and total alike', async () => {
    const data = await summaryAs(analytics({ protectedIdentities: 'exclude' }), { groupBy: 'STUDENT' });
    expect([...figuresByKey(data).keys()].some(isProtected)).toBe(false);
    const { absenceRate: _rate, ...total } = data.absenceSummary.total!;
    expect(total).toEqual(unprotected);
  });

  test('alias: protected students are counted (a count names nobody)', async () => {
    const data = await summaryAs(analytics({ protectedIdentities: 'alias' }), { groupBy: 'SCHOOL_UNIT' });
    expect(data.absenceSummary.total!.studentCount).toBe(everyone.studentCount);
  });
});
