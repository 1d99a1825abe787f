// A student's record in one query: grades with syllabus and grading teacher (grades → register) plus
// attendance for a date range with each lesson's time (attendance → schedule), joined by the gateway.
import type * as W from '../../../src/ss12000/wire';
import { generateMunicipality } from '../../../src/demo/generator';
import { startE2E, type E2E } from '../../support/e2e';

const STUDENT_RECORD = `
  query StudentRecord($id: ID!, $from: Date!, $to: Date!) {
    person(id: $id) {
      givenName
      grades {
        id
        gradeValue
        registeredDate
        syllabus { id subjectName }
        gradingTeacher { id givenName familyName }
      }
      attendances(startDate: $from, endDate: $to) {
        id
        attendanceMinutes
        calendarEvent { id startTime }
      }
    }
  }`;

const SWEDISH_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
const swedishDay = (time: string): string => SWEDISH_DAY.format(new Date(time));

/** The first student with grades, their grades, and their attendance rows for lessons in [from, to]. */
const expectedRecord = (from: string, to: string) => {
  const data = dataset;
  const studentId = data.grades.values().next().value!.student.id;
  const grades = [...data.grades.values()].filter((grade) => grade.student.id === studentId);
  const attendances = [...(data.attendances.where!('student.id', studentId) as Iterable<W.Attendance>)].filter((row) => {
    const day = swedishDay(data.calendarEvents.get(row.calendarEvent.id)!.startTime);
    return day >= from && day <= to;
  });
  return { studentId, grades, attendances };
};

const dataset = generateMunicipality({ seed: 7, students: 300 });

let graph: E2E;
beforeAll(async () => {
  graph = await startE2E({ dataset, tuning: { maxBatchSize: 1000 } });
});
afterAll(() => graph.close());

test("a student's grades with syllabus and grading teacher, and attendance for a date range, in one query", async () => {
  const range = { from: '2026-09-07', to: '2026-09-11' };
  const expected = expectedRecord(range.from, range.to);
  const { data, errors } = await graph.query<any>(STUDENT_RECORD, { id: expected.studentId, ...range });

  expect(errors).toBeUndefined();
  const person = data!.person;
  expect(person.grades.map((g: { id: string }) => g.id).sort()).toEqual(expected.grades.map((g) => g.id).sort());
  for (const grade of person.grades) {
    const source = expected.grades.find((g) => g.id === grade.id)!;
    expect(grade.gradeValue).toBe(source.gradeValue);
    expect(grade.syllabus.subjectName).toBe(dataset.syllabuses.get(source.syllabus.id)!.subjectName);
    expect(grade.gradingTeacher.familyName).toBe(dataset.persons.get(source.gradingTeacher!.id)!.familyName);
  }
  expect(expected.attendances.length).toBeGreaterThan(0);
  expect(person.attendances.map((a: { id: string }) => a.id).sort()).toEqual(expected.attendances.map((a) => a.id).sort());
  for (const row of person.attendances) {
    expect(swedishDay(row.calendarEvent.startTime) >= range.from && swedishDay(row.calendarEvent.startTime) <= range.to).toBe(true);
  }
});

test('attendance without a date range is every lesson of the term', async () => {
  const { studentId } = expectedRecord('2026-01-01', '2026-01-01');
  const all = [...(dataset.attendances.where!('student.id', studentId) as Iterable<W.Attendance>)];
  const { data } = await graph.query<any>(`query ($id: ID!) { person(id: $id) { attendances { id } } }`, { id: studentId });
  expect(data!.person.attendances).toHaveLength(all.length);
});

test('an end date before the start date is a clear BAD_USER_INPUT', async () => {
  const { studentId } = expectedRecord('2026-01-01', '2026-01-01');
  const { errors } = await graph.query<any>(STUDENT_RECORD, { id: studentId, from: '2026-09-11', to: '2026-09-07' });
  expect(errors?.[0]?.message).toBe('endDate is before startDate.');
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
