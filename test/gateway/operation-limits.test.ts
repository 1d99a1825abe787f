// Operations too deep, too aliased or too long are refused before anything runs: 400, the
// validation code, a message naming the limit, and no producer asked.
import { OPERATION_LIMITS } from '../../src/gateway/operation-limits';
import { startE2E, type E2E } from '../support/e2e';

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ students: 100 });
});
afterAll(() => stack.close());

const producerRequests = (): number => Object.values(stack.producers).reduce((sum, producer) => sum + producer.stats().total, 0);

/** person { responsibles { person { responsibles { … { id } } } } }: 1 + 2 × levels deep. */
const guardiansOfGuardians = (levels: number): string => {
  let selection = 'id';
  for (let level = 0; level < levels; level++) selection = `responsibles { person { ${selection} } }`;
  return `query ($id: ID!) { person(id: $id) { ${selection} } }`;
};

const aPerson = (): string => [...stack.dataset.persons.values()][0]!.id;

test('a query within the depth limit runs', async () => {
  const { errors } = await stack.query(guardiansOfGuardians(5), { id: aPerson() });
  expect(errors).toBeUndefined();
});

test('a query deeper than the limit is refused before any producer is asked', async () => {
  const before = producerRequests();
  const response = await stack.query(guardiansOfGuardians(8), { id: aPerson() });
  expect(response.status).toBe(400);
  expect(response.data).toBeUndefined();
  expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  expect(response.errors![0]!.message).toMatch(/depth limit/i);
  expect(producerRequests()).toBe(before);
});

test('more aliases than the limit are refused', async () => {
  const aliases = Array.from(
    { length: OPERATION_LIMITS.maxAliases + 1 },
    (_, index) => `a${index}: organisations(first: 1) { edges { node { id } } }`,
  );
  const response = await stack.query(`{ ${aliases.join(' ')} }`);
  expect(response.status).toBe(400);
  expect(response.errors![0]!.message).toMatch(/aliases limit/i);
});

test('a document longer than the token limit is refused by the parser', async () => {
  const fields = Array.from({ length: OPERATION_LIMITS.maxTokens }, () => 'id').join(' ');
  const response = await stack.query(`{ organisations(first: 1) { edges { node { ${fields} } } } }`);
  expect(response.status).toBe(400);
  expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);
});
