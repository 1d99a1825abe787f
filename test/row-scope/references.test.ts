// Rows point at other rows (an activity at its teachers' duties, an attendance schedule at a
// placement). When the row pointed at may not be seen — the teacher is an excluded protected
// identity — the entry pointing at it goes too: the GraphQL types have these references non-null,
// and a null would fail the whole answer or tell that something is there.
import { generateMunicipality } from '../../src/demo/generator';
import type * as W from '../../src/ss12000/wire';
import { allUnits, startScopeStack, type ScopeStack } from './support/stack';

// The generated municipality, with the teacher of one activity given a protected identity.
const dataset = generateMunicipality({ seed: 12000, students: 600, studentsPerUnit: 150 });
const activity = [...dataset.activities.values()].find((a) => (a.teachers ?? []).length > 0) as W.Activity;
const protectedDuty = dataset.duties.get(activity.teachers?.[0]?.duty.id as string) as W.Duty;
const teacher = dataset.persons.get(protectedDuty.person?.id as string) as W.Person;
dataset.persons.set(teacher.id, { ...teacher, securityMarking: 'Skyddad folkbokföring' });

let stack: ScopeStack;
beforeAll(async () => {
  stack = await startScopeStack(dataset);
});
afterAll(() => stack.close());

const TEACHERS = 'query ($id: ID!) { activity(id: $id) { id teachers { duty { id } } } }';

test('exclude: the protected teacher’s duty is not among the activity’s teachers, and nothing errors', async () => {
  const result = await stack.query('schedule', allUnits('exclude'), TEACHERS, { id: activity.id });
  expect(result.errors).toBeUndefined();
  const duties = result.data.activity.teachers.map((t: { duty: { id: string } }) => t.duty.id);
  expect(duties).toEqual((activity.teachers ?? []).map((t) => t.duty.id).filter((id) => id !== protectedDuty.id));
  expect(await stack.clients.forRequest(allUnits('exclude')).register.load('duties', protectedDuty.id)).toBeNull();
});

test('alias: the teacher stays, the duty is served, the person under the alias', async () => {
  const scope = allUnits('alias');
  const result = await stack.query('schedule', scope, TEACHERS, { id: activity.id });
  expect(result.data.activity.teachers.map((t: { duty: { id: string } }) => t.duty.id)).toContain(protectedDuty.id);
  const duty = await stack.query('register', scope, 'query ($id: ID!) { duty(id: $id) { person { givenName civicNo { value } } } }', {
    id: protectedDuty.id,
  });
  expect(duty.data.duty.person).toEqual({ givenName: 'Skyddad', civicNo: null });
});
