// Issue 10, item 4: under `protectedIdentities: alias` a protected person is present by alias, but
// its relations to other persons are withheld from BOTH ends (responsibles, responsibleFor,
// placement owners), and a person related to a protected one (guardian, child, sibling) has no
// addresses — in both modes. Over real HTTP, from the protected person and from the relative, by
// id, in the persons list and through `_entities`.
import type { Caller } from '../../src/auth';
import { generateMunicipality } from '../../src/demo/generator';
import type * as W from '../../src/ss12000/wire';
import { entitiesRequest, postSigned } from '../auth-e2e/support';
import { startE2E, type E2E } from '../support/e2e';
import { keyOf, writeSuppliers, type TestSupplier } from './support/suppliers';

const RELATIONS: TestSupplier = {
  name: 'relations-alias',
  units: 'all',
  scopes: ['standard', 'students', 'responsibles', 'placements', 'addresses'],
  protectedIdentities: 'alias',
};
const EXCLUDING: TestSupplier = { ...RELATIONS, name: 'relations-exclude', protectedIdentities: 'exclude' };

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const persons = [...dataset.persons.values()];
const protectedIds = new Set(persons.filter((p) => p.securityMarking !== 'Ingen').map((p) => p.id));
const guardiansOf = (p: W.Person): string[] => (p.responsibles ?? []).flatMap((r) => (r.person ? [r.person.id] : []));
const childrenOf = (id: string): W.Person[] => persons.filter((p) => guardiansOf(p).includes(id));

// A protected child with unprotected guardians (who carry the household's address) and a sibling.
const child = persons.find(
  (p) => protectedIds.has(p.id) && guardiansOf(p).length > 0 && guardiansOf(p).every((g) => !protectedIds.has(g)),
) as W.Person;
const guardian = dataset.persons.get(guardiansOf(child)[0] as string) as W.Person;
const sibling = childrenOf(guardian.id).find((p) => p.id !== child.id) as W.Person;
// A protected guardian and an unprotected child of theirs.
const protectedGuardian = persons.find((p) => protectedIds.has(p.id) && childrenOf(p.id).some((c) => !protectedIds.has(c.id))) as W.Person;
const childOfProtected = childrenOf(protectedGuardian.id).find((c) => !protectedIds.has(c.id)) as W.Person;
// A placement of the protected child, owned by its guardians (the generator places none: one is made).
const template = [...dataset.placements.values()][0] as W.Placement;
const placement: W.Placement = {
  ...template,
  id: '0b7e5a0e-6f3c-4d58-9a51-2f1c3e8d9a10',
  child: { id: child.id },
  owners: guardiansOf(child).map((id) => ({ id })),
};
dataset.placements.set(placement.id, placement);
// A placement owned by a protected guardian.
const ownedByProtected = [...dataset.placements.values()].find((p) => (p.owners ?? []).some((o) => protectedIds.has(o.id))) as W.Placement;

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ dataset, suppliersPath: await writeSuppliers([RELATIONS, EXCLUDING]), apiKey: keyOf(RELATIONS) });
});
afterAll(() => stack.close());

const PERSON =
  'id givenName familyName addresses { streetAddress } responsibles { person { id givenName familyName } } responsibleFor { person { id givenName familyName } }';
const byId = async (id: string, apiKey?: string): Promise<any> => {
  const answer = await stack.query(`query ($id: ID!) { person(id: $id) { ${PERSON} } }`, { id }, apiKey ? { apiKey } : {});
  expect(answer.errors).toBeUndefined();
  return (answer.data as any).person;
};
const ids = (entries: { person: { id: string } | null }[] | null): string[] =>
  (entries ?? []).flatMap((e) => (e.person ? [e.person.id] : []));

test('the fixture: relatives on both sides, with addresses in the data', () => {
  expect(guardian.addresses?.length).toBeGreaterThan(0);
  expect(sibling?.addresses?.length).toBeGreaterThan(0);
  expect(childOfProtected.addresses?.length).toBeGreaterThan(0);
  expect(ownedByProtected).toBeDefined();
});

describe('a protected child (alias)', () => {
  test('from the child: aliased, no responsibles', async () => {
    const person = await byId(child.id);
    expect(person).toMatchObject({ id: child.id, givenName: 'Skyddad', addresses: [] });
    expect(ids(person.responsibles)).toEqual([]);
    expect(ids(person.responsibleFor)).toEqual([]);
  });

  test('from the guardian: responsibleFor does not name the child, and the guardian has no address', async () => {
    const person = await byId(guardian.id);
    expect(person.givenName).toBe(guardian.givenName);
    expect(ids(person.responsibleFor)).not.toContain(child.id);
    expect(ids(person.responsibleFor)).toContain(sibling.id);
    expect(person.addresses).toEqual([]);
  });

  test('from the sibling: it shares the household, so no address', async () => {
    const person = await byId(sibling.id);
    expect(ids(person.responsibles).sort()).toEqual(guardiansOf(sibling).sort());
    expect(person.addresses).toEqual([]);
  });

  test('the placement of the child has no owners (the graph has no Person.ownedPlacements to reach it from the other end)', async () => {
    const answer: any = await stack.query(`query ($id: ID!) { placement(id: $id) { child { id givenName } owners { id givenName } } }`, {
      id: placement.id,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.placement).toEqual({ child: { id: child.id, givenName: 'Skyddad' }, owners: [] });
  });

  test('through _entities straight to the register subgraph: the same', async () => {
    const caller: Caller = {
      supplier: RELATIONS.name,
      units: 'all',
      scopes: RELATIONS.scopes,
      protectedIdentities: 'alias',
      minGroupSize: undefined,
      issuedAt: Date.now(),
    };
    const fromChild: any = await postSigned(
      stack.subgraphUrls.register,
      'register',
      entitiesRequest('Person', child.id, PERSON),
      caller,
      stack.callerSecret,
    );
    const fromGuardian: any = await postSigned(
      stack.subgraphUrls.register,
      'register',
      entitiesRequest('Person', guardian.id, PERSON),
      caller,
      stack.callerSecret,
    );
    expect(ids(fromChild.data._entities[0].responsibles)).toEqual([]);
    expect(ids(fromGuardian.data._entities[0].responsibleFor)).not.toContain(child.id);
    expect(fromGuardian.data._entities[0].addresses).toEqual([]);
  });
});

describe('a protected guardian (alias)', () => {
  test('from the guardian: responsibleFor is empty', async () => {
    const person = await byId(protectedGuardian.id);
    expect(person).toMatchObject({ givenName: 'Skyddad', addresses: [] });
    expect(ids(person.responsibleFor)).toEqual([]);
  });

  test('from the child: responsibles do not name the guardian, and the child has no address', async () => {
    const person = await byId(childOfProtected.id);
    expect(person.givenName).toBe(childOfProtected.givenName);
    expect(ids(person.responsibles)).not.toContain(protectedGuardian.id);
    expect(person.addresses).toEqual([]);
  });

  test('a placement it owns leaves it out of the owners', async () => {
    const answer: any = await stack.query(`query ($id: ID!) { placement(id: $id) { owners { id } } }`, { id: ownedByProtected.id });
    expect(answer.errors).toBeUndefined();
    const owners = (answer.data.placement.owners as { id: string }[]).map((o) => o.id);
    expect(owners.filter((id) => protectedIds.has(id))).toEqual([]);
  });
});

test('the whole persons list: no relation names a protected person, no protected person names a relative', async () => {
  let after: string | null = null;
  const rows: any[] = [];
  do {
    const answer: any = await stack.query(
      `query ($after: String) { persons(first: 400, after: $after) { edges { node { ${PERSON} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(answer.errors).toBeUndefined();
    rows.push(...answer.data.persons.edges.map((e: { node: unknown }) => e.node));
    after = answer.data.persons.pageInfo.hasNextPage ? answer.data.persons.pageInfo.endCursor : null;
  } while (after !== null);
  expect(rows).toHaveLength(dataset.persons.size);
  for (const row of rows) {
    const related = [...ids(row.responsibles), ...ids(row.responsibleFor)];
    if (protectedIds.has(row.id)) expect(related).toEqual([]);
    else expect(related.filter((id) => protectedIds.has(id))).toEqual([]);
  }
  const byRow = new Map(rows.map((row) => [row.id, row]));
  for (const relative of [guardian, sibling, childOfProtected]) expect(byRow.get(relative.id).addresses).toEqual([]);
});

test('under exclude too, the household of a protected person has no address (the child is nowhere)', async () => {
  const ofGuardian = await byId(guardian.id, keyOf(EXCLUDING));
  const ofChild = await byId(child.id, keyOf(EXCLUDING));
  expect(ofChild).toBeNull();
  expect(ids(ofGuardian.responsibleFor)).not.toContain(child.id);
  expect(ofGuardian.addresses).toEqual([]);
});

test('a query that reads no relation and no address costs no lookup for them', async () => {
  stack.producers.register.resetStats();
  const answer: any = await stack.query('{ persons(first: 500) { edges { node { id givenName } } } }');
  expect(answer.errors).toBeUndefined();
  expect(answer.data.persons.edges).toHaveLength(500);
  expect(stack.producers.register.stats().byRoute).toEqual({ 'GET /persons': 1 });
});
