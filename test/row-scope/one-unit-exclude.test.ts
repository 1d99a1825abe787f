// A one-unit supplier with protectedIdentities: exclude, over real HTTP: a protected student of its
// own unit is nowhere — not by id, not by a filter on its real values, not in its class, not as the
// subject of a grade — and a student of another unit is as unknown as an id nobody has.
import { startE2E, type E2E } from '../support/e2e';
import { municipality } from './support/stack';
import { otherUnit, unitTruth } from './support/expected';
import { keyOf, writeSuppliers, type TestSupplier } from './support/suppliers';

const dataset = municipality();
// The unit with a protected student: the rule must hold where there is someone to protect.
const unit = [...dataset.organisations.values()].find(
  (organisation) =>
    organisation.organisationType === 'Skolenhet' &&
    [...unitTruth(dataset, organisation.id).students].some((id) => dataset.persons.get(id)?.securityMarking !== 'Ingen'),
)!;
const truth = unitTruth(dataset, unit.id);
const hidden = dataset.persons.get([...truth.students].find((id) => dataset.persons.get(id)?.securityMarking !== 'Ingen')!)!;
const outsider = [...unitTruth(dataset, otherUnit(dataset, unit.id)).students].find((id) => !truth.persons.has(id))!;
const classOfHidden = [...dataset.groups.values()].find((group) => (group.groupMemberships ?? []).some((m) => m.person.id === hidden.id))!;

const ONE_UNIT_EXCLUDE: TestSupplier = {
  name: 'one-unit-exclude',
  units: [unit.schoolUnitCode!],
  scopes: ['standard', 'students', 'groups', 'grades', 'civicNo'],
  protectedIdentities: 'exclude',
};

let stack: E2E;
const ask = (query: string, variables?: Record<string, unknown>) => stack.query<any>(query, variables, { apiKey: keyOf(ONE_UNIT_EXCLUDE) });

beforeAll(async () => {
  stack = await startE2E({ dataset, suppliersPath: await writeSuppliers([ONE_UNIT_EXCLUDE]) });
});
afterAll(() => stack.close());

test('the protected student of its own unit is not served by id, and an outsider answers like an unknown id', async () => {
  const { data, errors } = await ask('query ($a: ID!, $b: ID!) { a: person(id: $a) { id } b: person(id: $b) { id } }', {
    a: hidden.id,
    b: outsider,
  });
  expect(errors).toBeUndefined();
  expect(data).toEqual({ a: null, b: null });
});

test('a filter on its real civic number finds nothing and counts nothing (no next page)', async () => {
  const { data, errors } = await ask(
    'query ($c: String) { persons(civicNo: $c, first: 1) { edges { node { id } } pageInfo { hasNextPage } } }',
    { c: hidden.civicNo!.value },
  );
  expect(errors).toBeUndefined();
  expect(data.persons).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
});

test('a filter on its real name pages through the others with that name, never it, and no page is left empty', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const { data, errors }: { data?: any; errors?: unknown } = await ask(
      'query ($n: [String!], $after: String) { persons(nameContains: $n, first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      { n: [hidden.givenName, hidden.familyName], after },
    );
    expect(errors).toBeUndefined();
    // An empty page after hasNextPage: true would count a hidden match.
    if (after !== null) expect(data.persons.edges).toHaveLength(1);
    seen.push(...data.persons.edges.map((edge: { node: { id: string } }) => edge.node.id));
    if (!data.persons.pageInfo.hasNextPage) break;
    after = data.persons.pageInfo.endCursor;
  }
  expect(seen).not.toContain(hidden.id);
  for (const id of seen) expect(truth.persons.has(id) && dataset.persons.get(id)?.securityMarking === 'Ingen').toBe(true);
});

test('its class lists every other member, not the protected one', async () => {
  const { data, errors } = await ask('query ($id: ID!) { group(id: $id) { groupMemberships { person { id } } } }', {
    id: classOfHidden.id,
  });
  expect(errors).toBeUndefined();
  const served = new Set(data.group.groupMemberships.map((m: { person: { id: string } }) => m.person.id));
  const expected = (classOfHidden.groupMemberships ?? [])
    .map((m) => m.person.id)
    .filter((id) => dataset.persons.get(id)?.securityMarking === 'Ingen');
  expect(served).toEqual(new Set(expected));
});

test('no grade of the protected student, through the list filter or a reverse link', async () => {
  const { data, errors } = await ask('query ($id: ID!) { grades(student: $id, first: 50) { edges { node { id } } } }', { id: hidden.id });
  expect(errors).toBeUndefined();
  expect(data.grades.edges).toEqual([]);
  const body = JSON.stringify(await ask('{ grades(first: 1000) { edges { node { student { id } } } } }'));
  expect(body).not.toContain(hidden.id);
  expect(body).not.toContain(outsider);
});
