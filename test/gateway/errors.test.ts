import { startE2E, type E2E } from '../support/e2e';

describe('errors the caller sees', () => {
  let stack: E2E;
  beforeAll(async () => {
    // A short timeout keeps the hanging-producer scenario quick.
    stack = await startE2E({ students: 100, tuning: { timeoutMs: 1000 } });
  });
  afterAll(() => stack.close());
  afterEach(() => {
    for (const producer of Object.values(stack.producers)) producer.setFaults({ errorRate: 0, timeoutRate: 0, malformedRate: 0 });
  });

  const codesOf = (errors: { extensions?: Record<string, unknown> }[] | undefined) => errors?.map((e) => e.extensions?.['code']);

  it('a malformed id is BAD_USER_INPUT naming the argument', async () => {
    const { data, errors } = await stack.query('{ person(id: "not an id!") { id } }');
    expect(data).toEqual({ person: null });
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'id' } })]);
  });

  it('an unknown id is null without an error', async () => {
    const { data, errors } = await stack.query('{ person(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ person: null });
  });

  it('a bad date is BAD_USER_INPUT', async () => {
    const { errors } = await stack.query('{ duties(startDateOnOrAfter: "2026-13-45") { edges { node { id } } } }');
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
  });

  it('a bad date in a variable is BAD_USER_INPUT', async () => {
    const { errors } = await stack.query('query Q($d: Date) { duties(startDateOnOrAfter: $d) { edges { node { id } } } }', { d: 'soon' });
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
  });

  it('an unknown enum value is BAD_USER_INPUT', async () => {
    const { errors } = await stack.query('{ groups(groupType: [KLAS]) { edges { node { id } } } }');
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors![0]!.message).toContain('KLAS');
  });

  it('a cursor the graph did not issue is BAD_USER_INPUT naming `after`', async () => {
    const { errors } = await stack.query('{ persons(after: "bm9wZQ") { edges { node { id } } } }');
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } })]);
  });

  it('`first` above the maximum is BAD_USER_INPUT with the limit in the message', async () => {
    const { errors } = await stack.query('{ persons(first: 5000) { edges { node { id } } } }');
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } })]);
    expect(errors![0]!.message).toContain('1000');
  });

  it('a producer that is down costs only its own data, with UPSTREAM_UNAVAILABLE naming it', async () => {
    stack.producers.register.setFaults({ errorRate: 1 });
    const { status, data, errors } = await stack.query(`{
      persons(first: 1) { edges { node { id } } }
      rooms(first: 1) { edges { node { id } } }
    }`);
    expect(status).toBe(200);
    expect(data!['persons']).toBeNull();
    expect((data!['rooms'] as { edges: unknown[] }).edges).toHaveLength(1);
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['persons'],
        extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', producer: 'register' }),
      }),
    ]);
    expect(errors![0]!.message).toContain('register');
  });

  it('a producer that hangs past its timeout is UPSTREAM_UNAVAILABLE naming it', async () => {
    stack.producers.schedule.setFaults({ timeoutRate: 1 });
    const { data, errors } = await stack.query('{ rooms(first: 1) { edges { node { id } } } persons(first: 1) { edges { node { id } } } }');
    expect(data!['rooms']).toBeNull();
    expect((data!['persons'] as { edges: unknown[] }).edges).toHaveLength(1);
    expect(errors).toEqual([
      expect.objectContaining({
        path: ['rooms'],
        extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', producer: 'schedule' }),
      }),
    ]);
  });

  it('a producer sending a broken payload is UPSTREAM_INVALID naming the producer and path', async () => {
    stack.producers.register.setFaults({ malformedRate: 1 });
    const { data, errors } = await stack.query('{ persons(first: 1) { edges { node { id } } } }');
    expect(data).toEqual({ persons: null });
    expect(errors).toEqual([
      expect.objectContaining({ extensions: { code: 'UPSTREAM_INVALID', producer: 'register', path: 'GET /persons' } }),
    ]);
  });
});
