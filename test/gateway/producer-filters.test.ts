// A producer that ignores a filter (real ones ignore parameters they do not know) must not make the
// gateway serve another student's rows under the student asked for: every row is held to the
// filters the producer was sent, the rest are dropped, counted and logged (src/sources/shared/filter-checks.ts).
// The demo producers' `ignoreFilters` knob drops the parameter before answering, as such a producer would.
import { logger } from '../../src/config/logger';
import { startE2E, type E2E } from '../support/e2e';
import { SUMMARY, type SummaryData } from '../graph/absence-summary/query';

const METRICS_TOKEN = 'metrics-token-for-filter-tests';

let stack: E2E;
let student: string;
beforeAll(async () => {
  stack = await startE2E({ students: 120, metricsToken: METRICS_TOKEN });
  const grades = [...stack.dataset.grades.values()];
  const absences = [...stack.dataset.absences.values()];
  const studyPlans = [...stack.dataset.studyplans.values()];
  // A student with grades, absences and a study plan, among others who have them too.
  student = [...stack.dataset.persons.values()]
    .map((person) => person.id)
    .find(
      (id) =>
        grades.some((grade) => grade.student.id === id) &&
        absences.some((absence) => absence.student.id === id) &&
        studyPlans.some((plan) => plan.student.id === id),
    )!;
  expect(student).toBeDefined();
  expect(grades.some((grade) => grade.student.id !== student)).toBe(true);
  expect(absences.some((absence) => absence.student.id !== student)).toBe(true);
});
afterAll(async () => {
  for (const producer of Object.values(stack.producers)) producer.setFaults({ ignoreFilters: [] });
  await stack.close();
});

const idsOf = <T extends { id: string }>(rows: Iterable<T>, keep: (row: T) => boolean): string[] =>
  [...rows]
    .filter(keep)
    .map((row) => row.id)
    .sort();

interface Row {
  id: string;
  student: { id: string };
}
const edges = (connection: unknown): Row[] => (connection as { edges: { node: Row }[] }).edges.map((edge) => edge.node);

const metrics = async (subgraph: 'grades' | 'attendance'): Promise<string> =>
  (await fetch(new URL('/metrics', stack.subgraphUrls[subgraph]), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();

describe('a producer that ignores `student`', () => {
  test('grades: Person.grades, Person.studyPlans and grades(student:) hold only that student\u2019s rows', async () => {
    stack.producers.grades.setFaults({ ignoreFilters: ['student'] });
    const warn = jest.spyOn(logger, 'warn');
    try {
      const { data, errors } = await stack.query(
        `query ($id: ID!) {
          person(id: $id) { grades { id student { id } } studyPlans { id student { id } } }
          grades(student: $id, first: 1000) { edges { node { id student { id } } } pageInfo { hasNextPage } }
        }`,
        { id: student },
      );
      expect(errors).toBeUndefined();
      const person = data!['person'] as { grades: Row[]; studyPlans: Row[] };
      const expectedGrades = idsOf(stack.dataset.grades.values(), (grade) => grade.student.id === student);
      expect(person.grades.map((grade) => grade.id).sort()).toEqual(expectedGrades);
      expect(person.studyPlans.map((plan) => plan.id).sort()).toEqual(
        idsOf(stack.dataset.studyplans.values(), (plan) => plan.student.id === student),
      );
      expect(
        edges(data!['grades'])
          .map((grade) => grade.id)
          .sort(),
      ).toEqual(expectedGrades);
      for (const row of [...person.grades, ...person.studyPlans, ...edges(data!['grades'])]) expect(row.student.id).toBe(student);

      const text = await metrics('grades');
      expect(text).toMatch(/^producer_filter_mismatches_total\{producer="grades",path="GET \/grades",filter="student"\} [1-9]/m);
      expect(text).toMatch(/^producer_filter_mismatches_total\{producer="grades",path="GET \/studyplans",filter="student"\} [1-9]/m);
      const line = warn.mock.calls.find(([fields]) => (fields as { path?: string }).path === 'GET /grades');
      expect(line).toBeDefined();
      const fields = line![0] as Record<string, unknown>;
      // Labels and row ids, nothing of the data: no student id, no name.
      expect(Object.keys(fields).sort()).toEqual(['droppedRows', 'filter', 'path', 'producer', 'rowIds']);
      expect(fields).toMatchObject({ producer: 'grades', filter: 'student' });
      expect(JSON.stringify(fields)).not.toContain(student);
      const other = [...stack.dataset.grades.values()].filter((grade) => grade.student.id !== student).map((grade) => grade.id);
      expect((fields['rowIds'] as string[]).every((id) => other.includes(id))).toBe(true);
    } finally {
      warn.mockRestore();
      stack.producers.grades.setFaults({ ignoreFilters: [] });
    }
  });

  test('attendance: Person.absences, absences(student:), attendances(student:) and aggregatedAttendances(student:) hold only that student\u2019s rows', async () => {
    stack.producers.attendance.setFaults({ ignoreFilters: ['student'] });
    try {
      const { data, errors } = await stack.query(
        `query ($id: ID!) {
          person(id: $id) { absences { id student { id } } }
          absences(student: $id, first: 1000) { edges { node { id student { id } } } }
          attendances(student: $id, first: 200) { edges { node { id student { id } } } }
          aggregatedAttendances(startDate: "2026-08-01", endDate: "2027-06-30", student: [$id], first: 1000) {
            edges { node { student { id } activity { id } } }
          }
        }`,
        { id: student },
      );
      expect(errors).toBeUndefined();
      const expectedAbsences = idsOf(stack.dataset.absences.values(), (absence) => absence.student.id === student);
      const person = data!['person'] as { absences: Row[] };
      expect(person.absences.map((absence) => absence.id).sort()).toEqual(expectedAbsences);
      expect(
        edges(data!['absences'])
          .map((absence) => absence.id)
          .sort(),
      ).toEqual(expectedAbsences);
      const attendances = edges(data!['attendances']);
      expect(attendances.length).toBeGreaterThan(0);
      const aggregated = edges(data!['aggregatedAttendances']);
      expect(aggregated.length).toBeGreaterThan(0);
      for (const row of [...person.absences, ...edges(data!['absences']), ...attendances, ...aggregated])
        expect(row.student.id).toBe(student);

      const text = await metrics('attendance');
      for (const path of ['GET \\/absences', 'GET \\/attendances', 'GET \\/aggregatedAttendance']) {
        expect(text).toMatch(
          new RegExp(`^producer_filter_mismatches_total\\{producer="attendance",path="${path}",filter="student"\\} [1-9]`, 'm'),
        );
      }
    } finally {
      stack.producers.attendance.setFaults({ ignoreFilters: [] });
    }
  });

  test('a producer that honours the filter costs no mismatch', async () => {
    const before = (await metrics('grades')).match(
      /^producer_filter_mismatches_total\{producer="grades",path="GET \/grades",filter="student"\} (\d+)/m,
    )?.[1];
    const { errors } = await stack.query(`query ($id: ID!) { person(id: $id) { grades { id } } }`, { id: student });
    expect(errors).toBeUndefined();
    const after = (await metrics('grades')).match(
      /^producer_filter_mismatches_total\{producer="grades",path="GET \/grades",filter="student"\} (\d+)/m,
    )?.[1];
    expect(after).toBe(before);
  });
});

describe('a producer that ignores `organisation` on /aggregatedAttendance', () => {
  test("absenceSummary over one unit counts none of another unit's rows", async () => {
    const unit = [...stack.dataset.organisations.values()].find((organisation) => organisation.organisationType === 'Skolenhet')!.id;
    const variables = { from: '2026-09-01', to: '2026-09-30', first: 100, groupBy: 'SCHOOL_UNIT', filter: { units: [unit] } };
    const honest = await stack.query<SummaryData>(SUMMARY, variables);
    expect(honest.errors).toBeUndefined();
    stack.producers.attendance.setFaults({ ignoreFilters: ['organisation'] });
    try {
      const { data, errors } = await stack.query<SummaryData>(SUMMARY, variables);
      expect(errors).toBeUndefined();
      expect(data!.absenceSummary.edges.map((edge) => edge.node.schoolUnit!.id)).toEqual([unit]);
      expect(data).toEqual(honest.data);
      expect(await metrics('attendance')).toMatch(
        /^producer_filter_mismatches_total\{producer="attendance",path="GET \/aggregatedAttendance",filter="organisation"\} [1-9]/m,
      );
    } finally {
      stack.producers.attendance.setFaults({ ignoreFilters: [] });
    }
  });
});
