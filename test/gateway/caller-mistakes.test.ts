// A caller's mistake is a 4xx (or a coded BAD_USER_INPUT) naming the mistake, never a 500 or a masked
// INTERNAL_SERVER_ERROR: before this, each of these (but the two anonymous operations) was one.
import { createHash } from 'node:crypto';
import { UpstreamRejectedError } from '../../src/sources/shared/errors';
import { toGraphQLError } from '../../src/resolvers/shared/errors';
import { post, bearer, codes, type Response } from '../auth-e2e/support';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('caller mistakes over HTTP', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 50 });
  });
  afterAll(() => stack.close());

  const send = (body: unknown): Promise<Response> => post(stack.gatewayUrl, body, bearer(DEMO_KEYS.full));

  /** A 4xx with exactly the expected codes, the message matching, nothing masked. */
  const expectRefused = (response: Response, status: number, code: string, message: RegExp): void => {
    expect(response.status).toBe(status);
    expect(codes(response)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(new Set(codes(response))).toEqual(new Set([code]));
    expect(response.errors!.map((error) => error.message).join(' ')).toMatch(message);
    expect(response.data).toBeUndefined();
  };

  // The graph has writes (src/resolvers/attendance/writes): a mutation runs through the same operation
  // resolution, limits, cost and contract code as a query, none of which may assume Query.
  it('a mutation runs like a query: 200, its cost reported', async () => {
    const response = await send({ query: 'mutation { __typename }' });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ __typename: 'Mutation' });
  });

  it('a mutation field the graph does not have is a 400 naming it', async () => {
    expectRefused(
      await send({ query: 'mutation { createPerson { id } }' }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /Cannot query field "createPerson" on type "Mutation"/,
    );
  });

  it('a mutation over GET is a 405, not a 500', async () => {
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent('mutation { __typename }')}`;
    const response = await fetch(url, { headers: { ...bearer(DEMO_KEYS.full), 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /GET requests only support query operations/,
    );
  });

  it('a subscription is a 400 saying the graph has no subscriptions', async () => {
    expectRefused(
      await send({ query: 'subscription { __typename }' }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /subscription operation is not supported/,
    );
  });

  it('a named mutation picked by operationName next to a query runs the mutation', async () => {
    const response = await send({ query: 'query A { __typename } mutation B { __typename }', operationName: 'B' });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ __typename: 'Mutation' });
  });

  it('two anonymous operations in one document are a 400 naming the rule', async () => {
    const response = await send({ query: '{ __typename } { persons(first: 1) { edges { node { id } } } }' });
    expectRefused(response, 400, 'GRAPHQL_VALIDATION_FAILED', /anonymous operation must be the only defined operation/);
  });

  it('several named operations without operationName are a 400 asking for one', async () => {
    const response = await send({ query: 'query A { __typename } query B { __typename }' });
    expectRefused(response, 400, 'OPERATION_RESOLUTION_FAILURE', /several operations: name the one to run in operationName/);
  });

  it('an unknown operationName is a 400 naming it and the operations there are', async () => {
    const response = await send({ query: 'query A { __typename } query B { __typename }', operationName: 'C' });
    expectRefused(response, 400, 'OPERATION_RESOLUTION_FAILURE', /Unknown operation named "C": the document has operations "A", "B"/);
  });

  it('an operationName given to an anonymous operation is a 400', async () => {
    const response = await send({ query: '{ __typename }', operationName: 'Card' });
    expectRefused(
      response,
      400,
      'OPERATION_RESOLUTION_FAILURE',
      /Unknown operation named "Card": the document has only an anonymous operation/,
    );
  });

  it('a persisted-query hash that is not the sha256 of the text sent is a 400, and nothing is registered under it', async () => {
    const query = '{ persons(first: 1) { edges { node { id } } } }';
    const wrong = sha256('something else');
    const response = await send({ query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expectRefused(response, 400, 'BAD_USER_INPUT', /not the sha256 of the query text/);
    const byHash = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expect(codes(byHash)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('an unsupported persisted-query version is a 400 naming the expected shape', async () => {
    const response = await send({ extensions: { persistedQuery: { version: 2, sha256Hash: sha256('{ __typename }') } } });
    expectRefused(response, 400, 'BAD_USER_INPUT', /persistedQuery must be \{"version": 1/);
  });

  it('a filter value so long that the producer answers 431 is BAD_USER_INPUT naming the producer and route', async () => {
    const response = await send({
      query: `{ persons(first: 1, eduPersonPrincipalName: "${'1'.repeat(20_000)}") { edges { node { id } } } }`,
    });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ persons: null });
    expect(response.errors).toEqual([
      expect.objectContaining({ path: ['persons'], extensions: { code: 'BAD_USER_INPUT', producer: 'register', path: 'GET /persons' } }),
    ]);
    expect(response.errors![0]!.message).toMatch(/register producer refused GET \/persons as too long \(HTTP 431\)/);
  });

  it('a long list filter in a variable is the same', async () => {
    const nameContains = Array.from({ length: 400 }, (_, index) => `name-part-${index}-${'x'.repeat(40)}`);
    const response = await send({
      query: 'query Long($n: [String!]) { persons(first: 1, nameContains: $n) { edges { node { id } } } }',
      variables: { n: nameContains },
    });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions).toMatchObject({ producer: 'register' });
  });
});

describe('producer statuses for a request the caller shaped', () => {
  it('414 on a GET is BAD_USER_INPUT naming the producer and route', () => {
    const error = toGraphQLError(new UpstreamRejectedError('schedule', 'GET /calendarEvents', 414, undefined, undefined));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', producer: 'schedule', path: 'GET /calendarEvents' });
    expect(error.message).toContain('HTTP 414');
  });

  it('431 on a lookup (the gateway shaped it, not the caller) is the producer failing us, never INTERNAL_SERVER_ERROR', () => {
    const error = toGraphQLError(new UpstreamRejectedError('register', 'POST /persons/lookup', 431, undefined, undefined));
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', producer: 'register', path: 'POST /persons/lookup' });
  });
});
