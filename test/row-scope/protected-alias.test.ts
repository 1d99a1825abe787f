// protectedIdentities: alias (demo-full, demo-lms). A protected person is present under a stable
// alias name; civicNo, birthDate, addresses, emails, phoneNumbers, photo, eduPersonPrincipalNames
// and externalIdentifiers are never served — by id, in lists, as members, through `_entities` (the lists
// answer [], as for a person without any: withheld must not look different from none, README "Supplier access").
import type * as W from '../../src/ss12000/wire';
import { protectedSightings, type ProtectedSightings } from './support/protected';
import { allUnits, startScopeStack, type ScopeStack } from './support/stack';

const scope = allUnits('alias');
let stack: ScopeStack;
let seen: ProtectedSightings;
let person: W.Person;

const IDENTIFYING =
  'givenName familyName civicNo { value } birthDate emails { value } phoneNumbers { value } addresses { streetAddress } photo eduPersonPrincipalNames externalIdentifiers { value }';

/**
 * The person's identifying values that cannot belong to anyone else: the full name as a reference's
 * displayName spells it, civic number, e-mails and identifiers (a first name alone or a phone
 * number may well be someone else's too).
 */
const secretsOf = (p: W.Person): string[] =>
  [
    [p.givenName, p.middleName, p.familyName].filter(Boolean).join(' '),
    `${p.givenName} ${p.familyName}`,
    p.civicNo?.value,
    ...(p.emails ?? []).map((e) => e.value),
    ...(p.eduPersonPrincipalNames ?? []),
    ...(p.externalIdentifiers ?? []).map((x) => x.value),
  ].filter((value): value is string => typeof value === 'string' && value.length > 2);

beforeAll(async () => {
  stack = await startScopeStack();
  seen = protectedSightings(stack.dataset);
  person = seen.protectedChild;
});
afterAll(() => stack.close());

test('by id: an alias name and nothing identifying', async () => {
  const result = await stack.query('register', scope, `query ($id: ID!) { person(id: $id) { id securityMarking ${IDENTIFYING} } }`, {
    id: person.id,
  });
  expect(result.errors).toBeUndefined();
  expect(result.data.person).toEqual({
    id: person.id,
    securityMarking: expect.any(String),
    givenName: 'Skyddad',
    familyName: expect.stringMatching(/^Person [0-9A-F]{8}$/),
    civicNo: null,
    birthDate: null,
    emails: [],
    phoneNumbers: [],
    addresses: [],
    photo: null,
    eduPersonPrincipalNames: [],
    externalIdentifiers: [],
  });
});

test('the alias is the same in every request and every path (by id, list, _entities)', async () => {
  const byId = await stack.query('register', scope, 'query ($id: ID!) { person(id: $id) { familyName } }', { id: person.id });
  const again = await stack.query('register', scope, 'query ($id: ID!) { person(id: $id) { familyName } }', { id: person.id });
  const entities = await stack.query(
    'register',
    scope,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { familyName ${IDENTIFYING} } } }`,
    { r: [{ __typename: 'Person', id: person.id }] },
  );
  const listed: W.Person[] = [];
  for await (const page of stack.clients.forRequest(scope).register.pages('persons', {}))
    listed.push(...page.filter((p) => p.id === person.id));

  const alias = byId.data.person.familyName;
  expect(again.data.person.familyName).toBe(alias);
  expect(entities.data._entities[0]).toMatchObject({ familyName: alias, civicNo: null, birthDate: null, addresses: [] });
  expect(listed).toEqual([expect.objectContaining({ familyName: alias })]);
  expect(listed[0]).not.toHaveProperty('civicNo');
});

test('as a group member the protected person is present, under the alias only', async () => {
  const result = await stack.query(
    'register',
    scope,
    `query ($id: ID!) { group(id: $id) { groupMemberships { person { id ${IDENTIFYING} } } } }`,
    {
      id: seen.group.id,
    },
  );
  expect(result.errors).toBeUndefined();
  const members = result.data.group.groupMemberships.map((m: { person: { id: string } }) => m.person.id);
  expect(members).toEqual((seen.group.groupMemberships ?? []).map((m) => m.person.id));
  const text = JSON.stringify(result.data);
  const hidden = (seen.group.groupMemberships ?? [])
    .map((m) => stack.dataset.persons.get(m.person.id) as W.Person)
    .filter((p) => seen.protectedIds.has(p.id));
  expect(hidden.length).toBeGreaterThan(0);
  expect(hidden.flatMap(secretsOf).filter((secret) => /\d{12}|@/.test(secret) && text.includes(secret))).toEqual([]);
  for (const member of hidden) expect(text).not.toContain(`"givenName":"${member.givenName}","familyName":"${member.familyName}"`);
});

test('no list of any collection carries a protected person’s identity, even in reference displayNames', async () => {
  const sources = stack.clients.forRequest(scope);
  // Asking for reference names, as a client of the sources may: the names must come back aliased.
  const named = { expandReferenceNames: true };
  const walks = [
    sources.register.pages('persons', named),
    sources.register.pages('groups', named),
    sources.register.pages('duties', named),
    sources.grades.pages('grades', named),
  ];
  const rows: unknown[] = [];
  for (const walk of walks) for await (const page of walk) rows.push(...page);

  // Every object naming a protected person, at any depth: a full person or a reference.
  const sightings: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const object = node as Record<string, unknown>;
    if (typeof object.id === 'string' && seen.protectedIds.has(object.id)) sightings.push(object);
    Object.values(object).forEach(visit);
  };
  visit(rows);
  expect(sightings.filter((s) => 'displayName' in s).length).toBeGreaterThan(0);
  for (const sighting of sightings) {
    if ('displayName' in sighting) expect(sighting.displayName).toMatch(/^Skyddad Person [0-9A-F]{8}$/);
    if ('givenName' in sighting) expect(sighting).toMatchObject({ givenName: 'Skyddad', familyName: expect.stringMatching(/^Person /) });
    for (const field of [
      'civicNo',
      'birthDate',
      'emails',
      'phoneNumbers',
      'addresses',
      'photo',
      'eduPersonPrincipalNames',
      'externalIdentifiers',
    ])
      expect(sighting).not.toHaveProperty(field);
  }
  // Civic numbers and addresses are one person's own: they appear nowhere, under any id.
  const text = JSON.stringify(rows);
  const unique = [...seen.protectedIds].flatMap((id) =>
    secretsOf(stack.dataset.persons.get(id) as W.Person).filter((secret) => /\d{12}|@/.test(secret)),
  );
  expect(unique.length).toBeGreaterThan(0);
  expect(unique.filter((secret) => text.includes(secret))).toEqual([]);
});

test('a guardian’s responsibleFor does not name the protected child (relations are withheld under alias: alias-relations.test.ts)', async () => {
  const result = await stack.query(
    'register',
    scope,
    'query ($id: ID!) { person(id: $id) { responsibleFor { person { id givenName familyName civicNo { value } } } } }',
    {
      id: seen.guardianOfProtected,
    },
  );
  expect(result.errors).toBeUndefined();
  const named = result.data.person.responsibleFor.map((r: { person: { id: string } }) => r.person.id);
  expect(named).not.toContain(person.id);
});
