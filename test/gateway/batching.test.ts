// Batching counted where it matters: at the producers. Requests per query level are
// ceil(ids / maxBatchSize); at the embedded defaults (batches as large as the demo producers accept)
// a school unit's students and guardians fit one lookup each, so the count must not move at all
// when the school unit grows.
import { DEFAULT_MAX_LOOKUP_KEYS } from '../../src/demo/producers';
import { startE2E, type E2E } from '../support/e2e';

const QUERY = /* GraphQL */ `
  query SchoolUnitGuardians($id: ID!) {
    organisation(id: $id) {
      groups(groupType: [KLASS]) {
        groupMemberships {
          person {
            givenName
            responsibles {
              person {
                givenName
                familyName
              }
            }
          }
        }
      }
    }
  }
`;

async function measure(studentsPerUnit: number): Promise<{ students: number; guardians: number; byRoute: Record<string, number> }> {
  const stack: E2E = await startE2E({ students: studentsPerUnit * 3, studentsPerUnit });
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
    const guardians = new Set([...students].flatMap((id) => (stack.dataset.persons.get(id)!.responsibles ?? []).map((r) => r.person!.id)));
    return { students: students.size, guardians: guardians.size, byRoute: stack.producers.register.stats().byRoute };
  } finally {
    await stack.close();
  }
}

describe('batching, counted at the producers', () => {
  it('makes the same few register requests for a school unit of 200 and of 500+ students, at the embedded defaults', async () => {
    const small = await measure(200);
    const large = await measure(600);

    expect(large.students).toBeGreaterThanOrEqual(500);
    expect(large.students).toBeGreaterThan(small.students * 2);
    // Enough ids that batches of 100 would show as more requests; few enough for one lookup.
    expect(large.guardians).toBeGreaterThan(100);
    expect(Math.max(large.students, large.guardians)).toBeLessThanOrEqual(DEFAULT_MAX_LOOKUP_KEYS);
    // One request per level: the unit, its classes, the students, the guardians.
    const perLevel = { 'POST /organisations/lookup': 1, 'GET /groups': 1, 'POST /persons/lookup': 2 };
    expect(small.byRoute).toEqual(perLevel);
    expect(large.byRoute).toEqual(perLevel);
  });
});
