// protectedIdentities: exclude (demo-analytics). A person whose securityMarking is not `Ingen`
// appears nowhere: not by id, not in lists, not as a member, a guardian or a child, not in counts,
// and neither do their attendance, grade or absence rows.
import { protectedSightings, type ProtectedSightings } from './support/protected';
import { allUnits, startScopeStack, type ScopeStack } from './support/stack';

const scope = allUnits('exclude');
let stack: ScopeStack;
let seen: ProtectedSightings;

beforeAll(async () => {
  stack = await startScopeStack();
  seen = protectedSightings(stack.dataset);
});
afterAll(() => stack.close());

test('a protected person is null by id, with no error', async () => {
  const id = seen.protectedChild.id;
  expect(await stack.clients.forRequest(scope).register.load('persons', id)).toBeNull();
  expect(await stack.query('register', scope, 'query ($id: ID!) { person(id: $id) { id } }', { id })).toEqual({ data: { person: null } });
});

test('the persons list and its count leave every protected person out', async () => {
  const ids: string[] = [];
  for await (const page of stack.clients.forRequest(scope).register.pages('persons', {})) ids.push(...page.map((p) => p.id));
  expect(seen.protectedIds.size).toBeGreaterThan(0);
  expect(ids.filter((id) => seen.protectedIds.has(id))).toEqual([]);
  expect(ids.length).toBe(stack.dataset.persons.size - seen.protectedIds.size);
});

test('a group’s member list drops protected members (no null entries, a shorter list)', async () => {
  const members = seen.group.groupMemberships ?? [];
  const result = await stack.query('register', scope, 'query ($id: ID!) { group(id: $id) { groupMemberships { person { id } } } }', {
    id: seen.group.id,
  });
  expect(result.errors).toBeUndefined();
  const served = result.data.group.groupMemberships.map((m: { person: { id: string } | null }) => m.person?.id);
  expect(served).toEqual(members.map((m) => m.person.id).filter((id) => !seen.protectedIds.has(id)));
});

test('a protected guardian is not among a child’s responsibles', async () => {
  const child = seen.childOfProtected;
  if (child === undefined) throw new Error('the dataset has no child of a protected guardian');
  const result = await stack.query('register', scope, 'query ($id: ID!) { person(id: $id) { responsibles { person { id } } } }', {
    id: child.id,
  });
  const expected = (child.responsibles ?? []).map((r) => r.person?.id).filter((id) => id !== undefined && !seen.protectedIds.has(id));
  expect(result.data.person.responsibles.map((r: { person: { id: string } }) => r.person.id)).toEqual(expected);
});

test('a protected child is not among a guardian’s responsibleFor', async () => {
  const result = await stack.query('register', scope, 'query ($id: ID!) { person(id: $id) { responsibleFor { person { id } } } }', {
    id: seen.guardianOfProtected,
  });
  expect(result.errors).toBeUndefined();
  const children = result.data.person.responsibleFor.map((r: { person: { id: string } | null }) => r.person?.id);
  expect(children).not.toContain(seen.protectedChild.id);
  expect(children.every((id: string | undefined) => id !== undefined)).toBe(true);
});

test('a protected student’s attendance, grades and absences are not served', async () => {
  const sources = stack.clients.forRequest(scope);
  const id = seen.protectedChild.id;
  expect(await sources.attendance.loadBy('attendances', 'students', id)).toEqual([]);
  expect(await sources.attendance.loadBy('absences', 'student', id)).toEqual([]);
  const grades: string[] = [];
  for await (const page of sources.grades.pages('grades', {})) grades.push(...page.map((g) => g.student.id));
  expect(grades.length).toBeGreaterThan(0);
  expect(grades.filter((student) => seen.protectedIds.has(student))).toEqual([]);
  // The producer does hold them: it is the scope that leaves them out.
  const all = await stack.clients.forRequest(allUnits('alias')).attendance.loadBy('attendances', 'students', id);
  expect(all.length).toBeGreaterThan(0);
});
