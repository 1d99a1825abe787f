// A person of the caller's unit may also work or be a member at another unit. The rows SS 12000
// embeds in the person (expand=duties, groupMemberships) belong to those other units and are left
// out, as the same rows asked for directly are.
import { randomUUID } from 'node:crypto';
import { generateMunicipality } from '../../src/demo/generator';
import type * as W from '../../src/ss12000/wire';
import { otherUnit, schoolUnitByCode } from './support/expected';
import { startScopeStack, unitScope, type ScopeStack } from './support/stack';

// The generated municipality, plus one teacher of Björkhagenskolan who also holds a duty at another
// unit and is a member of one of its groups (the generator gives every teacher one unit).
const dataset = generateMunicipality({ seed: 12000, students: 600, studentsPerUnit: 150 });
const unit = schoolUnitByCode(dataset, '91000095');
const other = otherUnit(dataset, unit);
const homeDuty = [...dataset.duties.values()].find((d) => d.dutyAt.id === unit && d.person) as W.Duty;
const teacher = homeDuty.person?.id as string;
const foreignDuty: W.Duty = {
  ...([...dataset.duties.values()].find((d) => d.dutyAt.id === other) as W.Duty),
  id: randomUUID(),
  person: { id: teacher },
};
const foreignGroup = [...dataset.groups.values()].find((g) => g.organisation.id === other) as W.Group;
dataset.duties.set(foreignDuty.id, foreignDuty);
dataset.groups.set(foreignGroup.id, {
  ...foreignGroup,
  groupMemberships: [...(foreignGroup.groupMemberships ?? []), { person: { id: teacher } }],
});

let stack: ScopeStack;
beforeAll(async () => {
  stack = await startScopeStack(dataset);
});
afterAll(() => stack.close());

const scope = () => unitScope(dataset, [unit], 'alias');

test('a teacher’s duties list only the duties at the caller’s unit', async () => {
  const result = await stack.query(
    'register',
    scope(),
    'query ($id: ID!, $duty: ID!) { person(id: $id) { duties { id } } duty(id: $duty) { id } }',
    {
      id: teacher,
      duty: foreignDuty.id,
    },
  );
  expect(result.errors).toBeUndefined();
  const duties = result.data.person.duties.map((d: { id: string }) => d.id);
  expect(duties).toContain(homeDuty.id);
  expect(duties).not.toContain(foreignDuty.id);
  expect(result.data.duty).toBeNull();
  // Unscoped, the producer does serve it: the scope is what leaves it out.
  const raw = await stack.clients
    .forRequest(unitScope(dataset, [unit, other], 'alias'))
    .register.load('persons', teacher, { expand: ['duties'] });
  expect((raw as W.PersonExpanded)._embedded?.duties?.map((d) => d.id)).toContain(foreignDuty.id);
});

test('a teacher’s group memberships leave out the other unit’s group (no null entries)', async () => {
  const result = await stack.query('register', scope(), 'query ($id: ID!) { person(id: $id) { groupMemberships { group { id } } } }', {
    id: teacher,
  });
  expect(result.errors).toBeUndefined();
  const groups = result.data.person.groupMemberships.map((m: { group: { id: string } | null }) => m.group?.id);
  expect(groups).not.toContain(foreignGroup.id);
  expect(groups).not.toContain(undefined);
});
