import { startE2E, type E2E } from '../support/e2e';
import type { StudentOverviewQuery } from '../support/operations.gen';
import { operation } from '../support/operations';

describe('one student across all four subgraphs', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 100 });
  });
  afterAll(() => stack.close());

  it('joins register, schedule, attendance and grades data in one query', async () => {
    const student = [...stack.dataset.persons.values()].find((p) => (p.enrolments ?? []).some((e) => e.schoolType === 'GR'))!;
    const { data, errors } = await stack.query<StudentOverviewQuery>(operation('student-overview'), { id: student.id });

    expect(errors).toBeUndefined();
    const person = data!.person!;
    expect(person.familyName).toBe(student.familyName);
    expect(person.groupMemberships!.length).toBeGreaterThan(0);
    expect(person.activities!.length).toBeGreaterThan(0);
    expect(Array.isArray(person.absences)).toBe(true);
    expect(Array.isArray(person.grades)).toBe(true);
    for (const name of ['register', 'schedule', 'attendance', 'grades'] as const) {
      expect(stack.producers[name].stats().total).toBeGreaterThan(0);
    }
  });
});
