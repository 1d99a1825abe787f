// The grades subgraph's own surface: /grades and /studyplans as root lists with typed filters, the
// by-id fields (studyplans have no lookup), enums, and what Person.grades costs.
import { generateMunicipality } from '../../../src/demo/generator';
import { startE2E, type E2E } from '../../support/e2e';

const dataset = generateMunicipality({ seed: 7, students: 300 });

let graph: E2E;

/** Requests that reached the grades producer since its stats were reset, per route. */
const gradesRoutes = (): Record<string, number> => graph.producers.grades.stats().byRoute;

beforeAll(async () => {
  graph = await startE2E({ dataset });
});
afterAll(() => graph.close());

test('grades filtered by grading teacher, with SS 12000 enums upper-snake-cased', async () => {
  const corrected = [...dataset.grades.values()].find((g) => g.correctionType === 'Rättelse')!;
  const teacher = corrected.gradingTeacher!.id;
  const expected = [...dataset.grades.values()].filter((g) => g.gradingTeacher?.id === teacher);
  const { data, errors } = await graph.query<any>(
    `query ($teacher: ID!) {
      grades(gradingTeacher: $teacher, first: 1000) { edges { node { id semester correctionType gradingTeacher { id } } } }
    }`,
    { teacher },
  );

  expect(errors).toBeUndefined();
  const nodes = data!.grades.edges.map((e: { node: unknown }) => e.node);
  expect(nodes.map((n: { id: string }) => n.id).sort()).toEqual(expected.map((g) => g.id).sort());
  expect(new Set(nodes.map((n: { semester: string }) => n.semester))).toEqual(new Set(['HT']));
  expect(nodes.find((n: { id: string }) => n.id === corrected.id).correctionType).toBe('RATTELSE');
});

test('grade and studyPlan by id; unknown ids are null', async () => {
  const grade = dataset.grades.values().next().value!;
  const plan = dataset.studyplans.values().next().value!;
  const { data, errors } = await graph.query<any>(
    `query ($grade: ID!, $plan: ID!) {
      grade(id: $grade) { id gradeValue student { id } syllabus { id } }
      studyPlan(id: $plan) { id student { id } content { type syllabuses { syllabus { id } } } }
      noGrade: grade(id: "00000000-0000-4000-8000-000000000000") { id }
      noPlan: studyPlan(id: "00000000-0000-4000-8000-000000000000") { id }
    }`,
    { grade: grade.id, plan: plan.id },
  );

  expect(errors).toBeUndefined();
  expect(data!.grade).toEqual({
    id: grade.id,
    gradeValue: grade.gradeValue,
    student: { id: grade.student.id },
    syllabus: { id: grade.syllabus.id },
  });
  expect(data!.studyPlan.student.id).toBe(plan.student.id);
  expect(data!.studyPlan.content.length).toBe(plan.content?.length ?? 0);
  expect(data!.noGrade).toBeNull();
  expect(data!.noPlan).toBeNull();
});

test('studyPlans takes several students at once, as the spec allows', async () => {
  const plans = [...dataset.studyplans.values()].slice(0, 3);
  const { data, errors } = await graph.query<any>(
    `query ($students: [ID!]) { studyPlans(student: $students, first: 50) { edges { node { id } } } }`,
    { students: plans.map((p) => p.student.id) },
  );
  expect(errors).toBeUndefined();
  const expected = [...dataset.studyplans.values()].filter((p) => plans.some((q) => q.student.id === p.student.id));
  expect(data!.studyPlans.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(expected.map((p) => p.id).sort());
});

// /grades/lookup takes only ids, so a student's grades come from GET /grades?student=: one walk per
// distinct student (the source's loader deduplicates within a subgraph request).
test('Person.grades walks the list once per distinct student, however many rows name the student', async () => {
  const student = dataset.grades.values().next().value!.student.id;
  const own = [...dataset.grades.values()].filter((g) => g.student.id === student);
  graph.producers.grades.resetStats();
  const { data, errors } = await graph.query<any>(
    `query ($id: ID!) { grades(student: $id, first: 100) { edges { node { id student { grades { id } } } } } }`,
    { id: student },
  );

  expect(errors).toBeUndefined();
  const rows = data!.grades.edges;
  expect(rows.length).toBe(own.length);
  expect(own.length).toBeGreaterThan(1);
  for (const row of rows) expect(row.node.student.grades.map((g: { id: string }) => g.id).sort()).toEqual(own.map((g) => g.id).sort());
  // One GET for the root list, one for every row's student.grades together.
  expect(gradesRoutes()).toEqual({ 'GET /grades': 2 });
});
