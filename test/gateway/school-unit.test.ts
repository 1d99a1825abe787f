import { startE2E, type E2E } from '../support/e2e';
import type { SchoolUnitClassesQuery, SchoolUnitClassesQueryVariables } from '../support/operations.gen';
import { operation } from '../support/operations';

describe('a school unit, its classes, their students and the students’ guardians', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 300, studentsPerUnit: 150 });
  });
  afterAll(() => stack.close());

  it('arrives in one query, matching the register producer’s data', async () => {
    const unit = [...stack.dataset.organisations.values()].find((o) => o.organisationType === 'Skolenhet')!;
    const classes = [...stack.dataset.groups.values()].filter((g) => g.organisation.id === unit.id && g.groupType === 'Klass');
    expect(classes.length).toBeGreaterThan(0);

    const variables: SchoolUnitClassesQueryVariables = { id: unit.id };
    const { data, errors } = await stack.query<SchoolUnitClassesQuery>(operation('school-unit-classes'), variables);

    expect(errors).toBeUndefined();
    const answered = data!.organisation!;
    expect(answered.organisationType).toBe('SKOLENHET');
    expect(answered.groups!.map((g) => g.displayName).sort()).toEqual(classes.map((c) => c.displayName).sort());
    const firstClass = classes[0]!;
    const answeredClass = answered.groups!.find((g) => g.displayName === firstClass.displayName)!;
    const student = stack.dataset.persons.get(firstClass.groupMemberships![0]!.person.id)!;
    const answeredStudent = answeredClass.groupMemberships!.find((m) => m.person?.id === student.id)!.person!;
    expect(answeredStudent.givenName).toBe(student.givenName);
    const guardianIds = (student.responsibles ?? []).map((r) => r.person!.id).sort();
    expect(answeredStudent.responsibles!.map((r) => r.person!.id).sort()).toEqual(guardianIds);
    expect(answeredStudent.responsibles!.every((r) => (r.person!.familyName ?? '').length > 0)).toBe(true);
  });
});
