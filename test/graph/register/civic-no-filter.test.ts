// persons(civicNo:) takes a civic number the way a person types it, and says so when it is not one.
import { DEMO_KEYS, startE2E, type E2E } from '../../support/e2e';

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ students: 40 });
});
afterAll(() => stack.close());

type Persons = { persons: { edges: { node: { id: string; civicNo: { value: string } | null } }[] } };

const unprotectedStudent = () =>
  [...stack.dataset.persons.values()].find((person) => person.securityMarking === 'Ingen' && /^\d{12}$/.test(person.civicNo?.value ?? ''))!;

test.each([
  ['YYYYMMDD-NNNC', (value: string) => `${value.slice(0, 8)}-${value.slice(8)}`],
  ['YYMMDD-NNNC', (value: string) => `${value.slice(2, 8)}-${value.slice(8)}`],
  ['YYMMDDNNNC', (value: string) => value.slice(2)],
  ['YYYYMMDDNNNC', (value: string) => value],
])('the form %s finds the person', async (_form, typed) => {
  const person = unprotectedStudent();
  const { data, errors } = await stack.query<Persons>(
    'query ($c: String) { persons(civicNo: $c, first: 2) { edges { node { id civicNo { value } } } } }',
    { c: typed(person.civicNo!.value) },
    { apiKey: DEMO_KEYS.full },
  );
  expect(errors).toBeUndefined();
  expect(data!.persons.edges.map((edge) => edge.node)).toEqual([{ id: person.id, civicNo: { value: person.civicNo!.value } }]);
});

test('a malformed civic number is BAD_USER_INPUT naming the argument, not an empty list, and the producer is not asked', async () => {
  const before = stack.producers.register.stats().total;
  const { data, errors } = await stack.query('{ persons(civicNo: "19851312-1230", first: 2) { edges { node { id } } } }');
  expect(data).toEqual({ persons: null });
  expect(errors).toEqual([
    expect.objectContaining({ path: ['persons'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'civicNo' }) }),
  ]);
  expect(errors![0]!.message).not.toContain('19851312');
  expect(stack.producers.register.stats().total).toBe(before);
});
