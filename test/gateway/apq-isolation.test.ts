// Automatic persisted queries are per supplier: a hash one supplier registered is unknown to another.
// Before this, Apollo's one APQ cache answered any supplier's hash for every supplier (so sending a hash
// alone told whether, and what, another supplier ran).
import { createHash } from 'node:crypto';
import { auditCapture, bearer, codes, post, type Response } from '../auth-e2e/support';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('automatic persisted queries, per supplier', () => {
  let stack: E2E;
  const audit = auditCapture();
  beforeAll(async () => {
    stack = await startE2E({ students: 50, audit: audit.logger });
  });
  afterAll(() => stack.close());

  const as = (key: string, body: unknown): Promise<Response> => post(stack.gatewayUrl, body, bearer(key));
  const byHash = (query: string, withText = false) => ({
    ...(withText ? { query } : {}),
    extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
  });
  const edges = (response: Response): unknown[] => (response.data?.['persons'] as { edges: unknown[] }).edges;

  const query = '{ persons(first: 3) { edges { node { id } } } }';

  it('a hash one supplier registered is PERSISTED_QUERY_NOT_FOUND to another, exactly like a hash nobody sent', async () => {
    const registered = await as(DEMO_KEYS.full, byHash(query, true));
    expect(registered.errors).toBeUndefined();
    expect(edges(registered)).toHaveLength(3);

    const again = await as(DEMO_KEYS.full, byHash(query));
    expect(again.data).toEqual(registered.data);

    const other = await as(DEMO_KEYS.lms, byHash(query));
    const never = await as(DEMO_KEYS.lms, byHash('{ persons(first: 4) { edges { node { id } } } }'));
    expect(other.status).toBe(200);
    expect(other.data).toBeUndefined();
    expect(codes(other)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect({ status: other.status, errors: other.errors }).toEqual({ status: never.status, errors: never.errors });
  });

  it('the other supplier registers the same text for itself and then runs it by hash', async () => {
    expect((await as(DEMO_KEYS.lms, byHash(query, true))).errors).toBeUndefined();
    const mine = await as(DEMO_KEYS.lms, byHash(query));
    expect(edges(mine)).toHaveLength(3);
  });

  it('a document that does not validate is not registered', async () => {
    const broken = '{ persons(first: 1) { edges { node { nope } } } }';
    expect(codes(await as(DEMO_KEYS.full, byHash(broken, true)))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codes(await as(DEMO_KEYS.full, byHash(broken)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('audit lines name the document id', async () => {
    const before = audit.lines().length;
    await as(DEMO_KEYS.full, byHash(query));
    expect(audit.lines().slice(before)).toEqual([
      expect.objectContaining({ supplier: 'demo-full', documentId: sha256(query), status: 'ok' }),
    ]);
  });
});
