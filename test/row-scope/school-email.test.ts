// Issue 10, item 3: `schoolEmail` opens Person.emails for school addresses only ('Skola elev',
// 'Skola personal'), and the data fetch serves nothing else on ANY path to a person: by id, the
// persons list, group members, responsibles, a grade's student (the gateway's `_entities` reference
// into the register subgraph), `_entities` straight to the subgraph. Over real HTTP.
import type { Caller } from '../../src/auth';
import { generateMunicipality } from '../../src/demo/generator';
import type * as W from '../../src/ss12000/wire';
import { entitiesRequest, postSigned } from '../auth-e2e/support';
import { startE2E, type E2E } from '../support/e2e';
import { DEMO_LMS, keyOf, writeSuppliers, type TestSupplier } from './support/suppliers';

const SCHOOL_MAIL: TestSupplier = {
  name: 'school-mail',
  units: 'all',
  scopes: ['standard', 'students', 'groups', 'duties', 'responsibles', 'grades', 'schoolEmail'],
  protectedIdentities: 'alias',
};
const SCHOOL_TYPES = ['Skola elev', 'Skola personal'];
/** The same types as the graph's EmailType enum names them. */
const SCHOOL_ENUM = ['SKOLA_ELEV', 'SKOLA_PERSONAL'];
const EMAILS = 'emails { type value }';

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const unit = [...dataset.organisations.values()].find((o) => o.schoolUnitCode === '91000095') as W.Organisation;
const persons = [...dataset.persons.values()];
// A student of the LMS unit, in a class, with a grade, given a private address beside the school one.
const graded = [...dataset.grades.values()].find(
  (g) => g.organisation?.id === unit.id && (dataset.persons.get(g.student.id)?.responsibles ?? []).length > 0,
) as W.Grade;
const student = dataset.persons.get(graded.student.id) as W.Person;
const group = [...dataset.groups.values()].find(
  (g) => g.groupType === 'Klass' && (g.groupMemberships ?? []).some((m) => m.person.id === student.id),
) as W.Group;
const PRIVATE = 'private.student@mail.example';
dataset.persons.set(student.id, { ...student, emails: [...(student.emails ?? []), { type: 'Privat', value: PRIVATE }] });
const grade = [...dataset.grades.values()].find((g) => g.student.id === student.id && g.organisation?.id === unit.id) as W.Grade;
const guardian = dataset.persons.get(student.responsibles?.[0]?.person?.id as string) as W.Person;
// Every private address of the municipality: none may reach a schoolEmail supplier.
const privateValues = [
  PRIVATE,
  ...persons.flatMap((p) => (p.emails ?? []).filter((e) => !SCHOOL_TYPES.includes(e.type)).map((e) => e.value)),
];

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ dataset, suppliersPath: await writeSuppliers([SCHOOL_MAIL, DEMO_LMS]), apiKey: keyOf(SCHOOL_MAIL) });
});
afterAll(() => stack.close());

/** Every e-mail in an answer, at any depth. */
const emailsIn = (node: unknown): { type: string; value: string }[] => {
  if (Array.isArray(node)) return node.flatMap(emailsIn);
  if (typeof node !== 'object' || node === null) return [];
  const object = node as Record<string, unknown>;
  return [
    ...(Array.isArray(object.emails) ? (object.emails as { type: string; value: string }[]) : []),
    ...Object.values(object).flatMap(emailsIn),
  ];
};
const expectSchoolOnly = (answer: unknown): void => {
  const text = JSON.stringify(answer);
  expect(privateValues.filter((value) => text.includes(value))).toEqual([]);
  for (const email of emailsIn(answer)) expect(SCHOOL_ENUM).toContain(email.type);
};

test('the fixture: a guardian with a private address, a student with a school and a private one', () => {
  expect(guardian.emails?.map((e) => e.type)).toEqual(['Privat']);
  expect(
    dataset.persons
      .get(student.id)
      ?.emails?.map((e) => e.type)
      .sort(),
  ).toEqual(['Privat', 'Skola elev']);
});

test('by id: the student keeps the school address only, the guardian has none', async () => {
  const answer = await stack.query(`query ($s: ID!, $g: ID!) { s: person(id: $s) { id ${EMAILS} } g: person(id: $g) { id ${EMAILS} } }`, {
    s: student.id,
    g: guardian.id,
  });
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toEqual({
    s: { id: student.id, emails: (student.emails ?? []).map(({ value }) => ({ type: 'SKOLA_ELEV', value })) },
    g: { id: guardian.id, emails: [] },
  });
});

test('the persons list, every page: no address but school ones', async () => {
  let after: string | null = null;
  let seen = 0;
  do {
    const answer: any = await stack.query(
      `query ($after: String) { persons(first: 1000, after: $after) { edges { node { id ${EMAILS} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(answer.errors).toBeUndefined();
    expectSchoolOnly(answer.data);
    seen += answer.data.persons.edges.length;
    after = answer.data.persons.pageInfo.hasNextPage ? answer.data.persons.pageInfo.endCursor : null;
  } while (after !== null);
  expect(seen).toBe(dataset.persons.size);
});

test('as a group member and as a responsible of the student', async () => {
  const answer = await stack.query(
    `query ($g: ID!, $s: ID!) { group(id: $g) { groupMemberships { person { id ${EMAILS} } } } person(id: $s) { responsibles { person { id ${EMAILS} } } } }`,
    { g: group.id, s: student.id },
  );
  expect(answer.errors).toBeUndefined();
  expect(JSON.stringify(answer.data)).toContain(student.id);
  expect(JSON.stringify(answer.data)).toContain(guardian.id);
  expectSchoolOnly(answer.data);
});

test('as a grade’s student: the gateway fetches the Person through the register subgraph’s _entities', async () => {
  const answer = await stack.query(`query ($id: ID!) { grade(id: $id) { student { id ${EMAILS} } } }`, { id: grade.id });
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toEqual({ grade: { student: { id: student.id, emails: [expect.objectContaining({ type: 'SKOLA_ELEV' })] } } });
});

test('through _entities straight to the register subgraph, signed as the supplier', async () => {
  const caller: Caller = {
    supplier: SCHOOL_MAIL.name,
    units: 'all',
    scopes: SCHOOL_MAIL.scopes,
    protectedIdentities: 'alias',
    minGroupSize: undefined,
    issuedAt: Date.now(),
  };
  for (const id of [student.id, guardian.id]) {
    const response = await postSigned(
      stack.subgraphUrls.register,
      'register',
      entitiesRequest('Person', id, `id ${EMAILS}`),
      caller,
      stack.callerSecret,
    );
    expect(response.errors).toBeUndefined();
    expectSchoolOnly(response.data);
  }
});

test('demo-lms (one unit, schoolEmail): its students and their guardians, no private address', async () => {
  const answer: any = await stack.query(
    `query ($s: ID!, $g: ID!) { persons(first: 1000) { edges { node { id ${EMAILS} } } } s: person(id: $s) { ${EMAILS} } g: person(id: $g) { ${EMAILS} } }`,
    { s: student.id, g: guardian.id },
    { apiKey: keyOf(DEMO_LMS) },
  );
  expect(answer.errors).toBeUndefined();
  expect(answer.data.persons.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(guardian.id);
  expect(answer.data.g).toEqual({ emails: [] });
  expectSchoolOnly(answer.data);
});
