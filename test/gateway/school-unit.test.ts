import { startE2E, type E2E } from '../support/e2e';

const SCHOOL_UNIT_CLASSES = /* GraphQL */ `
  query SchoolUnitClasses($id: ID!) {
    organisation(id: $id) {
      displayName
      organisationType
      groups(groupType: [KLASS]) {
        displayName
        groupType
        groupMemberships {
          person {
            id
            givenName
            responsibles { relationType person { id givenName familyName } }
          }
        }
      }
    }
  }
`;

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

    const { data, errors } = await stack.query<{ organisation: any }>(SCHOOL_UNIT_CLASSES, { id: unit.id });

    expect(errors).toBeUndefined();
    expect(data!.organisation.organisationType).toBe('SKOLENHET');
    expect(data!.organisation.groups.map((g: any) => g.displayName).sort()).toEqual(classes.map((c) => c.displayName).sort());
    const firstClass = classes[0]!;
    const answered = data!.organisation.groups.find((g: any) => g.displayName === firstClass.displayName);
    const student = stack.dataset.persons.get(firstClass.groupMemberships![0]!.person.id)!;
    const answeredStudent = answered.groupMemberships.find((m: any) => m.person.id === student.id).person;
    expect(answeredStudent.givenName).toBe(student.givenName);
    const guardianIds = (student.responsibles ?? []).map((r) => r.person!.id).sort();
    expect(answeredStudent.responsibles.map((r: any) => r.person.id).sort()).toEqual(guardianIds);
  });
});
