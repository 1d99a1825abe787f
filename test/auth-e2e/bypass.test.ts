// The bypass suite (issue 4, "What it must show"): every side door to a field the caller may not
// read must fail to leak. demo-lms may read names and school e-mail, never civic numbers or grades.
// Row-scope cases (other units, protected persons) belong here too: reuse ./support.
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { bearer, callerWith, codes, entitiesRequest, LMS_SCOPES, postSigned, type Response } from './support';

describe('bypass attempts by demo-lms on Person.civicNo and grades', () => {
  let stack: E2E;
  let civicNumbers: string[];
  const lms = (query: string, variables?: Record<string, unknown>) => stack.query(query, variables, { apiKey: DEMO_KEYS.lms });

  /** The response names no civic number of anyone, and every error is a FORBIDDEN naming a coordinate. */
  const expectNoLeak = (response: Response): void => {
    const text = JSON.stringify(response);
    for (const value of civicNumbers) expect(text).not.toContain(value);
    for (const error of response.errors ?? []) {
      expect(error.message).toMatch(/^Not permitted to read [A-Za-z_]+(\.[A-Za-z_]+)?\.$/);
    }
  };

  beforeAll(async () => {
    stack = await startE2E({ students: 200 });
    civicNumbers = [...stack.dataset.persons.values()].flatMap((person) => (person.civicNo ? [person.civicNo.value] : []));
  });
  afterAll(() => stack.close());

  it('an alias on the forbidden field is still FORBIDDEN under its real name', async () => {
    const response = await lms('{ persons(first: 3) { edges { node { id number: civicNo { digits: value } } } } }');
    expect(codes(response).length).toBeGreaterThan(0);
    expect(response.errors!.every((error) => error.extensions?.['field'] === 'Person.civicNo')).toBe(true);
    expectNoLeak(response);
  });

  it('an inline fragment and a named fragment on the forbidden field are FORBIDDEN', async () => {
    const response = await lms(`
      query { persons(first: 3) { edges { node { id ... on Person { civicNo { value } } ...Secret } } } }
      fragment Secret on Person { birthDate civicNo { nationality } }`);
    const fields = new Set(response.errors!.map((error) => error.extensions?.['field']));
    expect(fields).toEqual(new Set(['Person.civicNo', 'Person.birthDate']));
    expectNoLeak(response);
  });

  it('a permitted reference does not open a forbidden field: group → groupMemberships → person → civicNo', async () => {
    const response = await lms(
      '{ groups(first: 5) { edges { node { id groupMemberships { person { id givenName civicNo { value } } } } } } }',
    );
    type Groups = { groups: { edges: { node: { groupMemberships: { person: { civicNo: unknown; givenName: string } | null }[] } }[] } };
    const members = (response.data as Groups).groups.edges
      .flatMap(({ node }) => node.groupMemberships)
      .flatMap(({ person }) => (person ? [person] : []));
    expect(members.length).toBeGreaterThan(0);
    for (const person of members) expect(person.civicNo).toBeNull();
    expect(new Set(codes(response))).toEqual(new Set(['FORBIDDEN']));
    expectNoLeak(response);
  });

  it('the same entity through _entities straight to the subgraph, signed as demo-lms: the field is FORBIDDEN', async () => {
    const person = [...stack.dataset.persons.values()].find((candidate) => candidate.civicNo !== undefined)!;
    const response = await postSigned(
      stack.subgraphUrls.register,
      'register',
      entitiesRequest('Person', person.id, 'id civicNo { value }'),
      callerWith(LMS_SCOPES),
      stack.callerSecret,
    );
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: 'Not permitted to read Person.civicNo.',
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
    expectNoLeak(response);
  });

  it('an entity type the caller has no field of is FORBIDDEN through _entities (grades for demo-lms)', async () => {
    const grade = stack.dataset.grades.values().next().value!;
    stack.producers.grades.resetStats();
    const response = await postSigned(
      stack.subgraphUrls.grades,
      'grades',
      entitiesRequest('Grade', grade.id, 'id gradeValue'),
      callerWith(LMS_SCOPES),
      stack.callerSecret,
    );
    expect((response.data as { _entities: unknown[] })._entities).toEqual([null]);
    expect(response.errors).toEqual([expect.objectContaining({ message: 'Not permitted to read Grade.' })]);
    // Refused before the lookup: the producer was never asked for the grade.
    expect(stack.producers.grades.stats().byRoute).toEqual({});
  });

  it('the gateway does not expose _entities or _service at all', async () => {
    const response = await lms('{ _service { sdl } }');
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('a batched request (array body) serves nothing', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(DEMO_KEYS.lms) },
      body: JSON.stringify([
        { query: '{ organisations(first: 1) { edges { node { id } } } }' },
        { query: '{ persons(first: 3) { edges { node { civicNo { value } } } } }' },
      ]),
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    for (const value of civicNumbers) expect(text).not.toContain(value);
  });

  it('variables do not change the decision: @include(if: $show) and a person id from a variable', async () => {
    const person = (await lms('{ persons(first: 1) { edges { node { id } } } }')).data as {
      persons: { edges: { node: { id: string } }[] };
    };
    const id = person.persons.edges[0]!.node.id;
    const response = await lms(
      'query($show: Boolean!, $id: ID!) { person(id: $id) { id givenName civicNo @include(if: $show) { value } } }',
      { show: true, id },
    );
    expect(response.errors).toEqual([
      expect.objectContaining({ path: ['person', 'civicNo'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
    expect((response.data as { person: { civicNo: unknown } }).person.civicNo).toBeNull();
    expectNoLeak(response);
  });

  it('introspection shows only what demo-lms may read', async () => {
    const response = await lms(
      '{ person: __type(name: "Person") { fields { name } } grade: __type(name: "Grade") { name } __schema { queryType { fields { name } } } }',
    );
    type Introspection = {
      person: { fields: { name: string }[] };
      grade: unknown;
      __schema: { queryType: { fields: { name: string }[] } };
    };
    const data = response.data as Introspection;
    const personFields = data.person.fields.map((field) => field.name);
    expect(personFields).toEqual(expect.arrayContaining(['id', 'givenName', 'familyName', 'emails', 'groupMemberships']));
    expect(personFields).not.toEqual(expect.arrayContaining(['civicNo']));
    expect(personFields).not.toContain('birthDate');
    expect(data.grade).toBeNull();
    const roots = data.__schema.queryType.fields.map((field) => field.name);
    expect(roots).toContain('persons');
    expect(roots).not.toContain('grades');
    expect(roots).not.toContain('attendances');
  });

  it('introspection mixed with data in one operation is refused (it would answer from the full schema)', async () => {
    const response = await lms('{ __type(name: "Grade") { fields { name } } persons(first: 1) { edges { node { id } } } }');
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('a misspelt field gets no "Did you mean" naming a field outside the contract', async () => {
    const response = await lms('{ persons(first: 1) { edges { node { id civicN } } } }');
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(response.errors)).not.toContain('civicNo');
  });

  it('a misspelt enum value in a variable gets no "Did you mean" either', async () => {
    const response = await lms('query ($t: [OrganisationType!]) { organisations(first: 1, type: $t) { edges { node { id } } } }', {
      t: ['SKOLENHE'],
    });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toMatch(/SKOLENHE/);
    expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean|SKOLENHET/);
  });
});
