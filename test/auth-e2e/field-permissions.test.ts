import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { codes } from './support';

type Persons = { persons: { edges: { node: Record<string, unknown> }[] } | null };

// What each demo supplier may read, field by field, over real HTTP.
describe('field permissions of the demo suppliers', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 200 });
  });
  afterAll(() => stack.close());

  it('demo-full reads civic numbers, birth dates and addresses', async () => {
    const { data, errors } = await stack.query<Persons>(
      '{ persons(first: 5) { edges { node { id civicNo { value } birthDate addresses { streetAddress } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.persons!.edges.some(({ node }) => node['civicNo'] !== null)).toBe(true);
  });

  it('demo-lms: a field outside its presets is FORBIDDEN naming it, null there, the rest served', async () => {
    const response = await stack.query<Persons>('{ persons(first: 3) { edges { node { id givenName civicNo { value } } } } }', undefined, {
      apiKey: DEMO_KEYS.lms,
    });
    const edges = response.data!.persons!.edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const { node } of edges) {
      expect(node['civicNo']).toBeNull();
      expect(typeof node['givenName']).toBe('string');
    }
    expect(response.errors).toHaveLength(edges.length);
    for (const error of response.errors!) {
      expect(error).toMatchObject({
        message: 'Not permitted to read Person.civicNo.',
        extensions: { code: 'FORBIDDEN', field: 'Person.civicNo' },
      });
    }
  });

  it('demo-lms: a root field outside its presets is FORBIDDEN, other root fields served', async () => {
    const response = await stack.query<{ grades: unknown; organisations: { edges: unknown[] } }>(
      '{ grades(first: 2) { edges { node { id } } } organisations(first: 2) { edges { node { id } } } }',
      undefined,
      { apiKey: DEMO_KEYS.lms },
    );
    expect(response.data!.grades).toBeNull();
    expect(response.data!.organisations.edges.length).toBeGreaterThan(0);
    expect(response.errors).toEqual([expect.objectContaining({ message: 'Not permitted to read Query.grades.', path: ['grades'] })]);
  });

  it('demo-lms reads school e-mail (schoolEmail preset)', async () => {
    const response = await stack.query('{ persons(first: 3) { edges { node { id emails { value } } } } }', undefined, {
      apiKey: DEMO_KEYS.lms,
    });
    expect(response.errors).toBeUndefined();
  });

  it('demo-analytics may not list persons (no names for an analytics tool)', async () => {
    const response = await stack.query<Persons>('{ persons(first: 3) { edges { node { id } } } }', undefined, {
      apiKey: DEMO_KEYS.analytics,
    });
    expect(response.data!.persons).toBeNull();
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });

  it('demo-analytics (a minimum group size) reads no per-student attendance rows: only the summary', async () => {
    for (const document of ['{ attendances(first: 3) { edges { node { id } } } }', '{ absences(first: 3) { edges { node { id } } } }']) {
      const refused = await stack.query(document, undefined, { apiKey: DEMO_KEYS.analytics });
      expect(codes(refused)).toEqual(['FORBIDDEN']);
    }
  });

  it('a supplier with attendance rows reads the student id, never the name', async () => {
    const ok = await stack.query('{ attendances(first: 3) { edges { node { id attendanceMinutes student { id } } } } }', undefined, {
      apiKey: DEMO_KEYS.attendance,
    });
    expect(ok.errors).toBeUndefined();
    // Permissions may withhold givenName, so the graph declares it nullable: the student stays, with its id.
    const named = await stack.query<{
      attendances: { edges: { node: { id: string; student: { id: string; givenName: string | null } } }[] };
    }>('{ attendances(first: 3) { edges { node { id student { id givenName } } } } }', undefined, { apiKey: DEMO_KEYS.attendance });
    const edges = named.data!.attendances.edges;
    expect(edges).toHaveLength(3);
    for (const { node } of edges) expect(node.student).toEqual({ id: expect.any(String), givenName: null });
    expect(named.errors).toHaveLength(3);
    expect(named.errors!.every((error) => error.message === 'Not permitted to read Person.givenName.')).toBe(true);
  });
});
