// Trusted documents per supplier: a supplier in safelist mode runs only its registered documents (sent by
// id) while the others keep ad-hoc queries; nobody else can run its documents. (APQ: apq-isolation.test.ts.)
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashApiKey } from '../../src/auth/api-key';
import { auditCapture, bearer, codes, post, type Response } from '../auth-e2e/support';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const SAFELISTED_KEY = 'test-safelisted-key';
const PERMISSIVE_KEY = 'test-permissive-key';
const UNIT_PERSONS = 'query UnitPersons { persons(first: 2) { edges { node { id } } } }';
const GROUPS = 'query Groups { groups(first: 1) { edges { node { id } } } }';
const AD_HOC = '{ persons(first: 1) { edges { node { id } } } }';

const suppliersYaml = (): string => `suppliers:
  - name: demo-full
    apiKeys: [{ sha256: ${hashApiKey(DEMO_KEYS.full)} }]
    units: all
    scopes: [standard, students, groups]
    protectedIdentities: alias
  - name: demo-lms
    apiKeys: [{ sha256: ${hashApiKey(DEMO_KEYS.lms)} }]
    units: all
    scopes: [standard, students, groups]
    protectedIdentities: alias
  - name: safelisted
    apiKeys: [{ sha256: ${hashApiKey(SAFELISTED_KEY)} }]
    units: all
    scopes: [standard, students, groups]
    protectedIdentities: alias
    trustedDocuments:
      mode: safelist
      documents: safelisted.json
  - name: permissive
    apiKeys: [{ sha256: ${hashApiKey(PERMISSIVE_KEY)} }]
    units: all
    scopes: [standard, students, groups]
    protectedIdentities: alias
    trustedDocuments:
      mode: permissive
      documents:
        - "${GROUPS}"
`;

describe('trusted documents, per supplier', () => {
  let stack: E2E;
  let dir: string;
  const audit = auditCapture();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trusted-documents-'));
    await writeFile(join(dir, 'safelisted.json'), JSON.stringify({ [sha256(UNIT_PERSONS)]: UNIT_PERSONS }));
    await writeFile(join(dir, 'suppliers.yaml'), suppliersYaml());
    stack = await startE2E({ students: 50, suppliersPath: join(dir, 'suppliers.yaml'), audit: audit.logger });
  });
  afterAll(async () => {
    await stack.close();
    await rm(dir, { recursive: true, force: true });
  });

  const as = (key: string, body: unknown): Promise<Response> => post(stack.gatewayUrl, body, bearer(key));
  const byHash = (query: string, withText = false) => ({
    ...(withText ? { query } : {}),
    extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
  });
  const edges = (response: Response): unknown[] => (response.data?.['persons'] as { edges: unknown[] }).edges;

  describe('a supplier in safelist mode', () => {
    it('runs its registered document by extensions.persistedQuery.sha256Hash', async () => {
      const response = await as(SAFELISTED_KEY, byHash(UNIT_PERSONS));
      expect(response.errors).toBeUndefined();
      expect(edges(response)).toHaveLength(2);
    });

    it('runs it by documentId, in a POST body and in a GET', async () => {
      const posted = await as(SAFELISTED_KEY, { documentId: `sha256:${sha256(UNIT_PERSONS)}` });
      expect(edges(posted)).toHaveLength(2);
      const got = await fetch(`${stack.gatewayUrl}?documentId=sha256:${sha256(UNIT_PERSONS)}`, {
        headers: { ...bearer(SAFELISTED_KEY), 'apollo-require-preflight': '1' },
      });
      expect(got.status).toBe(200);
      expect(((await got.json()) as { data: unknown }).data).toEqual(posted.data);
    });

    it('runs it when the text comes with its id', async () => {
      expect(edges(await as(SAFELISTED_KEY, byHash(UNIT_PERSONS, true)))).toHaveLength(2);
    });

    it('is refused an ad-hoc query with FORBIDDEN before any producer is asked', async () => {
      stack.producers.register.resetStats();
      const response = await as(SAFELISTED_KEY, { query: AD_HOC });
      expect(response.status).toBe(403);
      expect(response.data).toBeUndefined();
      expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
      expect(response.errors![0]!.message).toMatch(/safelisted may run only its registered documents/);
      expect(stack.producers.register.stats().total).toBe(0);
    });

    it('is refused an ad-hoc query sent with its own hash (APQ registration) with FORBIDDEN', async () => {
      const response = await as(SAFELISTED_KEY, byHash(AD_HOC, true));
      expect(response.status).toBe(403);
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });

    it("is refused another supplier's registered hash with PERSISTED_QUERY_NOT_FOUND", async () => {
      expect((await as(DEMO_KEYS.full, byHash(AD_HOC, true))).errors).toBeUndefined();
      const response = await as(SAFELISTED_KEY, byHash(AD_HOC));
      expect(response.status).toBe(404);
      expect(codes(response)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect(response.errors![0]!.message).toContain(`sha256:${sha256(AD_HOC)}`);
    });

    it('is the only one that can run its documents: another supplier sending the id gets PERSISTED_QUERY_NOT_FOUND', async () => {
      const response = await as(DEMO_KEYS.lms, byHash(UNIT_PERSONS));
      expect(response.data).toBeUndefined();
      expect(codes(response)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect(codes(await as(DEMO_KEYS.lms, { documentId: `sha256:${sha256(UNIT_PERSONS)}` }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    });

    it('audit lines name the document it ran, and record a refusal with its code, status and the id it named', async () => {
      const before = audit.lines().length;
      await as(SAFELISTED_KEY, { documentId: sha256(UNIT_PERSONS) });
      await as(SAFELISTED_KEY, { query: AD_HOC });
      await as(SAFELISTED_KEY, byHash(AD_HOC));
      const lines = audit.lines().slice(before);
      expect(lines).toEqual([
        expect.objectContaining({ supplier: 'safelisted', operationName: 'UnitPersons', documentId: sha256(UNIT_PERSONS), status: 'ok' }),
        expect.objectContaining({ supplier: 'safelisted', fields: [], status: 'error', httpStatus: 403, errorCodes: ['FORBIDDEN'] }),
        expect.objectContaining({
          supplier: 'safelisted',
          documentId: sha256(AD_HOC),
          fields: [],
          httpStatus: 404,
          errorCodes: ['PERSISTED_QUERY_NOT_FOUND'],
        }),
      ]);
      expect(lines[1]).not.toHaveProperty('documentId');
    });
  });

  describe('suppliers without a safelist', () => {
    it('keep ad-hoc queries', async () => {
      expect(edges(await as(DEMO_KEYS.lms, { query: AD_HOC }))).toHaveLength(1);
      expect(edges(await as(PERMISSIVE_KEY, { query: AD_HOC }))).toHaveLength(1);
    });

    it('in permissive mode also run their registered documents by id', async () => {
      const response = await as(PERMISSIVE_KEY, { documentId: `sha256:${sha256(GROUPS)}` });
      expect(response.errors).toBeUndefined();
      expect((response.data?.['groups'] as { edges: unknown[] }).edges).toHaveLength(1);
    });

    it('a malformed documentId is a 400 naming the expected form', async () => {
      const response = await as(DEMO_KEYS.lms, { documentId: 'UnitPersons' });
      expect(response.status).toBe(400);
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.message).toContain('sha256:<64 lowercase hex digits>');
    });
  });
});
