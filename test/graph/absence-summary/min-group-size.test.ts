// Minimum group size against differencing, over real HTTP with the demo suppliers: demo-analytics
// (minGroupSize 5, scopes standard + absenceSummary) and demo-full (no minimum, every preset).
// absenceSummary over students A–E and over A–F would give F alone: a supplier with a minimum may
// not filter by students at all (FORBIDDEN, naming the argument, before any producer is asked), and
// the raw per-student aggregatedAttendances need the attendanceRows preset.
import { DEMO_KEYS, startE2E, type E2E } from '../../support/e2e';
import { SUMMARY, type SummaryData } from './query';

let stack: E2E;
let students: string[];
beforeAll(async () => {
  stack = await startE2E({ students: 120 });
  const seen = new Set<string>();
  for (const row of stack.dataset.aggregatedAttendance({ startDate: '2026-09-01', endDate: '2026-09-30' })) seen.add(row.student.id);
  students = [...seen].slice(0, 6);
});
afterAll(() => stack.close());

const window = { from: '2026-09-01', to: '2026-09-30', first: 100 };
const producerCalls = (): number => Object.values(stack.producers).reduce((sum, producer) => sum + producer.stats().total, 0);

describe('absenceSummary with a student list', () => {
  test('is FORBIDDEN for a supplier with a minimum group size, naming filter.students, and no producer is asked', async () => {
    for (const producer of Object.values(stack.producers)) producer.resetStats();
    for (const list of [students.slice(0, 5), students]) {
      const { data, errors } = await stack.query<SummaryData>(
        SUMMARY,
        { ...window, groupBy: 'SCHOOL_UNIT', filter: { students: list } },
        { apiKey: DEMO_KEYS.analytics },
      );
      expect(data?.absenceSummary ?? null).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', argument: expect.stringContaining('filter.students') });
      expect(errors![0]!.message).toContain('filter.students');
    }
    expect(producerCalls()).toBe(0);
  });

  test('an empty student list is refused as well (it is still a list of students)', async () => {
    const { errors } = await stack.query(
      SUMMARY,
      { ...window, groupBy: 'SCHOOL_UNIT', filter: { students: [] } },
      { apiKey: DEMO_KEYS.analytics },
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', argument: expect.stringContaining('filter.students') });
  });

  test('is allowed for a supplier without a minimum', async () => {
    const { data, errors } = await stack.query<SummaryData>(
      SUMMARY,
      { ...window, groupBy: 'STUDENT', filter: { students } },
      { apiKey: DEMO_KEYS.full },
    );
    expect(errors).toBeUndefined();
    expect(data!.absenceSummary.edges.map((edge) => edge.node.student!.id).sort()).toEqual([...students].sort());
  });

  test('group-level filters stay open to the supplier with a minimum', async () => {
    const unit = [...stack.dataset.organisations.values()].find((organisation) => organisation.organisationType === 'Skolenhet')!.id;
    const { data, errors } = await stack.query<SummaryData>(
      SUMMARY,
      { ...window, groupBy: 'SCHOOL_UNIT', filter: { units: [unit] } },
      { apiKey: DEMO_KEYS.analytics },
    );
    expect(errors).toBeUndefined();
    expect(data!.absenceSummary.edges.map((edge) => edge.node.schoolUnit!.id)).toEqual([unit]);
  });
});

describe('aggregatedAttendances (raw per-student rows)', () => {
  const ROWS = `query ($student: ID!) {
    aggregatedAttendances(startDate: "2026-09-01", endDate: "2026-09-30", student: [$student], first: 5) { edges { node { student { id } attendanceSum } } }
  }`;

  test('are FORBIDDEN without the attendanceRows preset, attendance granted or not', async () => {
    const { data, errors } = await stack.query(ROWS, { student: students[0] }, { apiKey: DEMO_KEYS.analytics });
    expect(data?.['aggregatedAttendances'] ?? null).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(errors![0]!.message).toContain('aggregatedAttendances');
  });

  test('are served with it', async () => {
    const { data, errors } = await stack.query<{ aggregatedAttendances: { edges: { node: { student: { id: string } } }[] } }>(
      ROWS,
      { student: students[0] },
      { apiKey: DEMO_KEYS.full },
    );
    expect(errors).toBeUndefined();
    expect(data!.aggregatedAttendances.edges.length).toBeGreaterThan(0);
  });
});
