import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { auditCapture } from './support';

// One JSON line per request: supplier, operation, coordinates read, persons returned, duration,
// status; never variables, ids or names.
describe('the audit log', () => {
  let stack: E2E;
  const audit = auditCapture();
  beforeAll(async () => {
    stack = await startE2E({ students: 200, audit: audit.logger });
  });
  afterAll(() => stack.close());

  it('records who read which fields and how many persons came back, and no personal data', async () => {
    const first = await stack.query<{ persons: { edges: { node: { id: string } }[] } }>(
      '{ persons(first: 1) { edges { node { id } } } }',
      undefined,
      {
        apiKey: DEMO_KEYS.lms,
      },
    );
    const id = first.data!.persons.edges[0]!.node.id;
    const before = audit.lines().length;
    const response = await stack.query<{ person: { givenName: string; familyName: string; groupMemberships: unknown[] } }>(
      'query StudentCard($id: ID!) { person(id: $id) { givenName familyName groupMemberships { group { id displayName } } } }',
      { id },
      { apiKey: DEMO_KEYS.lms },
    );
    expect(response.errors).toBeUndefined();
    const lines = audit.lines().slice(before);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({
      supplier: 'demo-lms',
      operationName: 'StudentCard',
      persons: 1,
      status: 'ok',
      httpStatus: 200,
      errorCodes: [],
    });
    expect(line['fields']).toEqual(
      expect.arrayContaining(['Query.person', 'Person.givenName', 'Person.familyName', 'Person.groupMemberships', 'Group.displayName']),
    );
    expect(typeof line['durationMs']).toBe('number');
    const text = JSON.stringify(line);
    expect(text).not.toContain(id);
    expect(text).not.toContain(response.data!.person.givenName);
    expect(text).not.toContain(response.data!.person.familyName);
    expect(text).not.toContain('variables');
  });

  it('counts every Person object in the response, through lists and aliases', async () => {
    const before = audit.lines().length;
    const response = await stack.query<{ a: { edges: unknown[] }; b: { edges: unknown[] } }>(
      '{ a: persons(first: 4) { edges { node { id } } } b: persons(first: 2) { edges { node { givenName } } } }',
    );
    const returned = response.data!.a.edges.length + response.data!.b.edges.length;
    expect(audit.lines().slice(before)).toEqual([expect.objectContaining({ supplier: 'demo-full', persons: returned })]);
  });

  it('records a partial result with the error codes', async () => {
    const before = audit.lines().length;
    await stack.query('{ persons(first: 2) { edges { node { id civicNo { value } } } } }', undefined, { apiKey: DEMO_KEYS.lms });
    expect(audit.lines().slice(before)).toEqual([
      expect.objectContaining({ supplier: 'demo-lms', status: 'partial', errorCodes: ['FORBIDDEN'] }),
    ]);
  });

  it('records a refused request without a supplier', async () => {
    const before = audit.lines().length;
    await stack.query('{ persons(first: 1) { edges { node { id } } } }', undefined, { apiKey: 'wrong' });
    expect(audit.lines().slice(before)).toEqual([expect.objectContaining({ supplier: null, status: 'unauthenticated', httpStatus: 401 })]);
  });
});
