// A supplier limited to one school unit (demo-lms: Björkhagenskolan, schoolUnitCode 91000095) sees
// that unit's persons, groups, activities, attendance and grades, and nothing of the others: rows
// of other units behave as if they did not exist — null by id, absent from lists, no error.
import type { Dataset } from '../../src/demo/dataset';
import { otherUnit, schoolUnitByCode, unitTruth, type UnitTruth } from './support/expected';
import { startScopeStack, unitScope, type ScopeStack } from './support/stack';
import type { RowScope } from '../../src/sources';

let stack: ScopeStack;
let dataset: Dataset;
let unit: string;
let other: string;
let truth: UnitTruth;
let scope: RowScope;

beforeAll(async () => {
  stack = await startScopeStack();
  dataset = stack.dataset;
  unit = schoolUnitByCode(dataset, '91000095');
  other = otherUnit(dataset, unit);
  truth = unitTruth(dataset, unit);
  scope = unitScope(dataset, [unit], 'alias');
});
afterAll(() => stack.close());

const allPages = async <T>(iterable: AsyncIterable<T[]>): Promise<T[]> => {
  const rows: T[] = [];
  for await (const page of iterable) rows.push(...page);
  return rows;
};

test('the persons list holds exactly the unit’s students, staff and their guardians', async () => {
  const persons = await allPages(stack.clients.forRequest(scope).register.pages('persons', {}));
  expect(new Set(persons.map((p) => p.id))).toEqual(truth.persons);
  expect(truth.students.size).toBeGreaterThan(50);
  expect(truth.staff.size).toBeGreaterThan(3);
});

test('a person of another unit is null by id, in a batch too, without an error', async () => {
  const outsider = [...dataset.persons.values()].find(
    (p) => (p.enrolments ?? []).some((e) => e.enroledAt.id === other) && !truth.persons.has(p.id),
  );
  const insider = [...truth.students][0] as string;
  const { register } = stack.clients.forRequest(scope);
  expect(await register.loadMany('persons', [insider, outsider?.id as string])).toEqual([expect.objectContaining({ id: insider }), null]);

  const result = await stack.query('register', scope, 'query ($id: ID!) { person(id: $id) { id givenName } }', { id: outsider?.id });
  expect(result).toEqual({ data: { person: null } });
});

test('groups and activities are those of the unit', async () => {
  const sources = stack.clients.forRequest(scope);
  const groups = await allPages(sources.register.pages('groups', {}));
  const activities = await allPages(sources.schedule.pages('activities', {}));
  const unitGroups = [...dataset.groups.values()].filter((g) => g.organisation.id === unit).map((g) => g.id);
  const unitActivities = [...dataset.activities.values()].filter((a) => a.organisation.id === unit).map((a) => a.id);
  expect(groups.map((g) => g.id).sort()).toEqual(unitGroups.sort());
  expect(activities.map((a) => a.id).sort()).toEqual(unitActivities.sort());
  expect(unitGroups.length).toBeGreaterThan(0);

  const foreignGroup = [...dataset.groups.values()].find((g) => g.organisation.id === other)?.id as string;
  expect(await sources.register.load('groups', foreignGroup)).toBeNull();
});

test('grades are served only for the unit', async () => {
  const grades = await allPages(stack.clients.forRequest(scope).grades.pages('grades', {}));
  const expected = [...dataset.grades.values()].filter((g) => g.organisation?.id === unit && truth.students.has(g.student.id));
  expect(grades.map((g) => g.id).sort()).toEqual(expected.map((g) => g.id).sort());
  expect(expected.length).toBeGreaterThan(0);
});

test('attendance rows are those of the unit’s students', async () => {
  const sources = stack.clients.forRequest(scope);
  const inUnit = [...truth.students][0] as string;
  const outside = [...dataset.persons.values()].find((p) => (p.enrolments ?? []).some((e) => e.enroledAt.id === other))?.id as string;
  const ownRows = await sources.attendance.loadBy('attendances', 'students', inUnit);
  expect(await sources.attendance.loadBy('attendances', 'students', outside)).toEqual([]);
  const raw = await stack.clients.forRequest(unitScope(dataset, [other], 'alias')).attendance.loadBy('attendances', 'students', outside);
  expect(raw.length).toBeGreaterThan(0);
  expect(ownRows.every((row) => row.student.id === inUnit)).toBe(true);
});

test('organisations: the unit is served, its huvudman and the other units are not', async () => {
  const result = await stack.query(
    'register',
    scope,
    '{ organisations(first: 50) { edges { node { id displayName parentOrganisation { id } } } } }',
  );
  expect(result.errors).toBeUndefined();
  const nodes = result.data.organisations.edges.map((e: { node: unknown }) => e.node);
  expect(nodes).toEqual([{ id: unit, displayName: 'Björkhagenskolan F-6', parentOrganisation: null }]);
});

test('paging a filtered list with small pages visits every visible person exactly once', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 200; guard += 1) {
    const result: { data?: any; errors?: unknown } = await stack.query(
      'register',
      scope,
      'query ($after: String) { persons(first: 40, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    expect(result.errors).toBeUndefined();
    seen.push(...result.data.persons.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!result.data.persons.pageInfo.hasNextPage) break;
    after = result.data.persons.pageInfo.endCursor;
  }
  expect(seen.length).toBe(truth.persons.size);
  expect(new Set(seen)).toEqual(truth.persons);
});

test('a one-unit caller has the producer filter by organisation: only that unit’s pages are read', async () => {
  const register = stack.producers.producers.register;
  const unitGroups = [...dataset.groups.values()].filter((g) => g.organisation.id === unit).length;
  const pageSize = 50;
  expect(Math.ceil(dataset.groups.size / pageSize)).toBeGreaterThan(Math.ceil(unitGroups / pageSize));
  register.resetStats();
  for await (const page of stack.clients.forRequest(scope).register.pages('groups', {}, pageSize)) void page;
  expect(register.stats().byRoute['GET /groups']).toBe(Math.max(1, Math.ceil(unitGroups / pageSize)));
});
