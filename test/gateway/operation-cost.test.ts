// The operation cost limit over real HTTP: an operation dearer than the supplier's budget is refused
// (400, BAD_USER_INPUT, naming cost and budget) before any producer is asked; every answer carries
// extensions.cost so a supplier can see what its operations cost. The model itself is in
// operation-cost-model.test.ts.
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashApiKey } from '../../src/auth';
import { DEFAULT_SUPPLIERS_PATH } from '../../src/config/paths';
import { COST_MODEL } from '../../src/gateway/operation-cost';
import { SCHOOL_UNIT_CLASSES } from '../../bench/graph/queries';
import { startE2E, type E2E, type GraphQLResponse } from '../support/e2e';

type Answer = GraphQLResponse & { status: number; extensions?: { cost?: { cost: number; budget: number } } };

let stack: E2E;
beforeAll(async () => {
  // The demo suppliers plus two with their own budgets.
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'suppliers-')), 'suppliers.yaml');
  await copyFile(DEFAULT_SUPPLIERS_PATH, file);
  const limited = (name: string, budget: number): string =>
    `\n  - name: ${name}\n    apiKeys:\n      - sha256: ${hashApiKey(`${name}-key`)}\n    units: all\n    scopes: [standard, students, groups]\n    protectedIdentities: alias\n    costBudget: ${budget}\n`;
  await writeFile(file, (await readFile(file, 'utf8')) + limited('frugal', 100) + limited('generous', 200_000));
  stack = await startE2E({ students: 100, suppliersPath: file });
});
afterAll(() => stack.close());

const producerRequests = (): number => Object.values(stack.producers).reduce((sum, producer) => sum + producer.stats().total, 0);
const ask = (query: string, variables?: Record<string, unknown>, apiKey?: string): Promise<Answer> =>
  stack.query(query, variables, apiKey === undefined ? {} : { apiKey });
const schoolUnit = (): string => [...stack.dataset.organisations.values()].find((o) => o.organisationType === 'Skolenhet')!.id;

/** persons(first: 200) → groupMemberships → group → groupMemberships → person → … : 12 deep, within the depth limit. */
const DEEP = `{ persons(first: 200) { edges { node { groupMemberships { group { groupMemberships { person {
  groupMemberships { group { groupMemberships { person { id } } } } } } } } } } } }`;
const DEEP_COST = 1 + 200 * (2 + 10 * (2 + 30 * (2 + 10 * (2 + 30 * 2))));

/** One level less: 200 persons × their groups × the groups' members. */
const MEMBERS_OF_GROUPS =
  '{ persons(first: 200) { edges { node { groupMemberships { group { groupMemberships { person { id } } } } } } } }';
const MEMBERS_OF_GROUPS_COST = 1 + 200 * (2 + 10 * (2 + 30 * 2));

const SUMMARY =
  'absenceSummary(startDate: "2026-08-17", endDate: "2026-12-18", groupBy: STUDENT) { edges { node { studentCount absenceRate } } }';

/** The school unit's classes, students and guardians: Organisation.groups 50 × members 30 × (person + 3 guardians). */
const SCHOOL_UNIT_COST = 1 + 50 * (1 + 30 * (1 + 1 + 3 * 2));

const expectRefused = (answer: Answer, cost: number, budget: number): void => {
  expect(answer.status).toBe(400);
  expect(answer.data).toBeUndefined();
  expect(answer.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })]);
  expect(answer.errors![0]!.message).toContain(`costs ${cost}, more than this supplier's budget of ${budget}`);
  expect(answer.extensions?.cost).toEqual({ cost, budget });
};

test('the deep memberships walk (legal depth, first: 200) is refused before any producer is asked', async () => {
  const before = producerRequests();
  expectRefused(await ask(DEEP), DEEP_COST, COST_MODEL.defaultBudget);
  expect(producerRequests()).toBe(before);
});

test('30 aliased absenceSummary calls are refused before any producer is asked', async () => {
  const query = `{ ${Array.from({ length: 30 }, (_, index) => `s${index}: ${SUMMARY}`).join(' ')} }`;
  const before = producerRequests();
  expectRefused(await ask(query, undefined, 'demo-analytics-key'), 30 * (2000 + 1 + 50 * 2), COST_MODEL.defaultBudget);
  expect(producerRequests()).toBe(before);
});

test('a standard query runs and its answer carries its cost and the budget', async () => {
  const answer = await ask(SCHOOL_UNIT_CLASSES, { id: schoolUnit() });
  expect(answer.status).toBe(200);
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.['organisation']).toEqual(expect.objectContaining({ groups: expect.any(Array) }));
  expect(answer.extensions?.cost).toEqual({ cost: SCHOOL_UNIT_COST, budget: COST_MODEL.defaultBudget });
});

test('a single absenceSummary is within the default budget', async () => {
  const answer = await ask(`{ ${SUMMARY} }`, undefined, 'demo-analytics-key');
  expect(answer.errors).toBeUndefined();
  expect(answer.extensions?.cost).toEqual({ cost: 2000 + 1 + 50 * 2, budget: COST_MODEL.defaultBudget });
});

test("a supplier's costBudget overrides the default, down and up", async () => {
  // Down: the standard query is too dear for frugal (100), a small page is not.
  expectRefused(await ask(SCHOOL_UNIT_CLASSES, { id: schoolUnit() }, 'frugal-key'), SCHOOL_UNIT_COST, 100);
  const small = await ask('{ persons(first: 10) { edges { node { id } } } }', undefined, 'frugal-key');
  expect(small.errors).toBeUndefined();
  expect(small.extensions?.cost).toEqual({ cost: 21, budget: 100 });
  // Up: 200 persons' groups' members is above the default budget, within generous's 200,000.
  const before = producerRequests();
  expectRefused(await ask(MEMBERS_OF_GROUPS), MEMBERS_OF_GROUPS_COST, COST_MODEL.defaultBudget);
  expect(producerRequests()).toBe(before);
  const generous = await ask(MEMBERS_OF_GROUPS, undefined, 'generous-key');
  expect(generous.status).toBe(200);
  expect(generous.errors).toBeUndefined();
  expect(generous.extensions?.cost).toEqual({ cost: MEMBERS_OF_GROUPS_COST, budget: 200_000 });
});

test('variables count: the same document is refused or not by the `first` it is given', async () => {
  const query = 'query ($n: Int) { persons(first: $n) { edges { node { id } } } }';
  expect((await ask(query, { n: 40 }, 'frugal-key')).extensions?.cost).toEqual({ cost: 81, budget: 100 });
  expectRefused(await ask(query, { n: 60 }, 'frugal-key'), 121, 100);
});
