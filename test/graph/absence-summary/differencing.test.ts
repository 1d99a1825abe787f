// Differencing routes around a minimum group size, closed in the fold (summarise.ts), on
// hand-made facts so each route is exact: total minus the shown rows (SCHOOL_UNIT, ACTIVITY,
// STUDENT, GROUP), and a filter naming a unit or group whose own part is smaller than the minimum
// (asked with and without it, the difference is that part alone).
import type { AbsenceFact, StreamSpec } from '../../../src/resolvers/attendance/summary/fact';
import { AbsenceGrouping } from '../../../src/resolvers/attendance/summary/grouping';
import { summarise, type SummaryPlan } from '../../../src/resolvers/attendance/summary/summarise';
import type { Minutes } from '../../../src/resolvers/attendance/summary/tally';

const MINUTES: Minutes = [40, 10, 10, 0, 60, 60];
const fact = (student: string, unit: string, activity: string, groups: string[]): AbsenceFact => ({
  unit,
  activity,
  groups,
  schoolType: undefined,
  student,
  minutes: MINUTES,
});
const many = (count: number, prefix: string, make: (student: string) => AbsenceFact): AbsenceFact[] =>
  Array.from({ length: count }, (_, index) => make(`${prefix}${index}`));

// Unit A: six students in group gA, activity aA. Unit B: one student, alone in group gB and activity aB.
const FACTS: AbsenceFact[] = [...many(6, 'a', (student) => fact(student, 'A', 'aA', ['gA'])), fact('b0', 'B', 'aB', ['gB'])];

const run = (groupBy: AbsenceGrouping, minGroupSize: number, extra: Partial<SummaryPlan> = {}) =>
  summarise(
    {
      groupBy,
      window: { startDate: '2026-09-01', endDate: '2026-09-30', excludeProtected: false },
      streams: [{ organisation: 'all' } satisfies StreamSpec],
      units: 'all',
      groups: undefined,
      students: undefined,
      concurrency: 1,
      minGroupSize,
      ...extra,
    },
    async (_stream, _window, sink) => {
      for (const one of FACTS) sink(one);
    },
  );

describe('total minus the shown rows', () => {
  test.each([AbsenceGrouping.SCHOOL_UNIT, AbsenceGrouping.ACTIVITY, AbsenceGrouping.GROUP])(
    '%s: one row of 6 shown, one of 1 suppressed: the total (7) would give the 1 by difference, so it is withheld',
    async (groupBy) => {
      const summary = await run(groupBy, 5);
      expect(summary.rows.map((row) => row.studentCount)).toEqual([6]);
      expect(summary.suppressed).toEqual({ rows: 1, students: 1 });
      expect(summary.total).toBeNull();
    },
  );

  test('without a minimum the total is shown', async () => {
    expect((await run(AbsenceGrouping.SCHOOL_UNIT, 1)).total?.studentCount).toBe(7);
  });

  test('STUDENT: every row suppressed, nothing shown: the total is the remainder and describes 7 ≥ 5, so it stays', async () => {
    const summary = await run(AbsenceGrouping.STUDENT, 5);
    expect(summary.rows).toEqual([]);
    expect(summary.total?.studentCount).toBe(7);
  });

  test('a remainder at or above the minimum does not withhold the total', async () => {
    const summary = await run(AbsenceGrouping.SCHOOL_UNIT, 2);
    // B (1 student) suppressed at 2; A shown; total minus A is B: 1 < 2, withheld. At minimum 1 nothing is.
    expect(summary.total).toBeNull();
    const bigger = await summarise(
      {
        groupBy: AbsenceGrouping.SCHOOL_UNIT,
        window: { startDate: '2026-09-01', endDate: '2026-09-30', excludeProtected: false },
        streams: [{ organisation: 'all' }],
        units: 'all',
        groups: undefined,
        students: undefined,
        concurrency: 1,
        minGroupSize: 5,
      },
      async (_stream, _window, sink) => {
        for (const one of [
          ...FACTS,
          ...many(5, 'c', (student) => fact(student, 'C', 'aC', ['gC'])),
          ...many(4, 'd', (student) => fact(student, 'D', 'aD', ['gD'])),
        ])
          sink(one);
      },
    );
    // A (6) and C (5) shown; B (1) and D (4) suppressed: their 5 students together meet the minimum.
    expect(bigger.rows.map((row) => row.key)).toEqual(['A', 'C']);
    expect(bigger.total?.studentCount).toBe(16);
  });
});

describe('a filter naming a small part', () => {
  test('groups [gA, gB]: gB adds one student on its own, so the whole answer is withheld', async () => {
    const summary = await run(AbsenceGrouping.SCHOOL_UNIT, 5, { groups: new Set(['gA', 'gB']) });
    expect(summary.rows).toEqual([]);
    expect(summary.total).toBeNull();
    expect(summary.suppressed.rows).toBe(2);
  });

  test('units [A, B]: B has one student, so the whole answer is withheld', async () => {
    const summary = await run(AbsenceGrouping.ACTIVITY, 5, { namedUnits: ['A', 'B'] });
    expect(summary.rows).toEqual([]);
    expect(summary.total).toBeNull();
  });

  test('naming only parts of at least the minimum answers as before', async () => {
    const summary = await run(AbsenceGrouping.SCHOOL_UNIT, 5, { groups: new Set(['gA']), namedUnits: ['A'] });
    expect(summary.rows.map((row) => [row.key, row.studentCount])).toEqual([['A', 6]]);
    expect(summary.total?.studentCount).toBe(6);
  });

  test('without a minimum nothing is withheld', async () => {
    const summary = await run(AbsenceGrouping.SCHOOL_UNIT, 1, { groups: new Set(['gA', 'gB']) });
    expect(summary.total?.studentCount).toBe(7);
  });
});
