// Batching counted where it matters: at the producers. Requests per query level are
// ceil(ids / maxBatchSize); with batches as large as a school unit, the count must not move at all
// when the school unit grows.
import { startE2E, type E2E } from '../support/e2e';

const QUERY = /* GraphQL */ `
  query SchoolUnitGuardians($id: ID!) {
    organisation(id: $id) {
      groups(groupType: [KLASS]) {
        groupMemberships { person { givenName responsibles { person { givenName familyName } } } }
      }
    }
  }
`;

const BIG_BATCHES = { tuning: { maxBatchSize: 5000, pageSize: 1000 }, maxLookupKeys: 5000 };

async function measure(studentsPerUnit: number): Promise<{ students: number; byRoute: Record<string, number> }> {
  const stack: E2E = await startE2E({ students: studentsPerUnit * 3, studentsPerUnit, ...BIG_BATCHES });
  try {
    const unit = [...stack.dataset.organisations.values()].find((o) => o.organisationType === 'Skolenhet')!;
    const students = new Set(
      [...stack.dataset.groups.values()]
        .filter((g) => g.organisation.id === unit.id && g.groupType === 'Klass')
        .flatMap((g) => (g.groupMemberships ?? []).map((m) => m.person.id)),
    );
    for (const producer of Object.values(stack.producers)) producer.resetStats();
    const { errors } = await stack.query(QUERY, { id: unit.id });
    expect(errors).toBeUndefined();
    for (const name of ['schedule', 'attendance', 'grades'] as const) expect(stack.producers[name].stats().total).toBe(0);
    return { students: students.size, byRoute: stack.producers.register.stats().byRoute };
  } finally {
    await stack.close();
  }
}

describe('batching, counted at the producers', () => {
  it('makes the same few register requests for a school unit of 200 and of 500+ students', async () => {
    const small = await measure(200);
    const large = await measure(600);

    expect(large.students).toBeGreaterThanOrEqual(500);
    expect(large.students).toBeGreaterThan(small.students * 2);
    // One request per level: the unit, its classes, the students, the guardians.
    const perLevel = { 'POST /organisations/lookup': 1, 'GET /groups': 1, 'POST /persons/lookup': 2 };
    expect(small.byRoute).toEqual(perLevel);
    expect(large.byRoute).toEqual(perLevel);
  });
});
