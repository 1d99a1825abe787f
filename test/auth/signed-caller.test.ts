import { createHash, createHmac } from 'node:crypto';
import type { Caller } from '../../src/auth/caller';
import {
  CALLER_EXTENSION,
  CALLER_SIGNATURE_HEADER,
  SeenSignatures,
  type SignatureLedger,
  signedSubgraphRequest,
  signSubgraphRequest,
  verifySubgraphRequest,
  type SignatureWindow,
} from '../../src/auth/signed-caller';

const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const T0 = Date.parse('2026-09-01T08:00:00Z');
const QUERY = { query: '{ persons(first: 3) { edges { node { id } } } }' };

const lms: Caller = {
  supplier: 'demo-lms',
  units: new Set(['6f1c2f9e-7d8a-4b0e-9a51-3c2d1e0f4a5b', '0b6d8f3a-1c2e-4d5f-8a7b-9c0d1e2f3a4b']),
  scopes: ['standard', 'students', 'groups'],
  protectedIdentities: 'alias',
  minGroupSize: undefined,
  issuedAt: T0 - 5_000,
};

interface Signed {
  body: string;
  headers: Record<string, string> | Headers;
}

/** What the register subgraph makes of a request, as its HTTP front hands it over. */
const verify = ({ body, headers }: Signed, options: SignatureWindow & { seen?: SignatureLedger; subgraph?: string } = {}) =>
  verifySubgraphRequest({ headers, subgraph: options.subgraph ?? 'register', body, parsedBody: JSON.parse(body) as unknown }, SECRET, {
    now: T0,
    ...options,
  });

/** Replaces the claims in a signed body without re-signing, as a forger would. */
const tamper = (signed: Signed, change: (claims: Record<string, unknown>) => void): Signed => {
  const request = JSON.parse(signed.body) as { extensions: Record<string, Record<string, unknown>> };
  change(request.extensions[CALLER_EXTENSION]!);
  return { ...signed, body: JSON.stringify(request) };
};

describe('the signed caller a subgraph receives', () => {
  test('round trip: the subgraph gets back exactly the caller the gateway signed, stamped when signed', async () => {
    expect(await verify(signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0), { now: T0 + 1_000 })).toEqual({ ...lms, issuedAt: T0 });
  });

  test('the claims travel in the body, so the header stays small however many units there are', async () => {
    const units = new Set(Array.from({ length: 5_000 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`));
    const signed = signedSubgraphRequest({ ...lms, units }, QUERY, 'register', SECRET, T0);
    expect(signed.headers[CALLER_SIGNATURE_HEADER]!.length).toBeLessThan(120);
    expect(await verify(signed)).toEqual({ ...lms, units, issuedAt: T0 });
  });

  test('unlimited units and a minimum group size survive the trip', async () => {
    const analytics: Caller = { ...lms, supplier: 'demo-analytics', units: 'all', protectedIdentities: 'exclude', minGroupSize: 5 };
    expect(await verify(signedSubgraphRequest(analytics, QUERY, 'register', SECRET, T0))).toEqual({ ...analytics, issuedAt: T0 });
  });

  test('headers arriving as a fetch Headers object verify the same', async () => {
    const signed = signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0);
    expect(await verify({ ...signed, headers: new Headers(signed.headers) })).toMatchObject({ supplier: 'demo-lms' });
  });

  test('no signature: missing', async () => {
    expect(await verify({ ...signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0), headers: {} })).toEqual({ error: 'missing' });
  });

  test('widened units are caught: invalid', async () => {
    const forged = tamper(signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0), (claims) => {
      claims['units'] = 'all';
    });
    expect(await verify(forged)).toEqual({ error: 'invalid' });
  });

  test('an added scope is caught: invalid', async () => {
    const forged = tamper(signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0), (claims) => {
      (claims['scopes'] as string[]).push('civicNo');
    });
    expect(await verify(forged)).toEqual({ error: 'invalid' });
  });

  test('a signature made with another secret: invalid', async () => {
    expect(await verify(signedSubgraphRequest(lms, QUERY, 'register', 'somebody-elses-secret-of-32-bytes-or-more', T0))).toEqual({
      error: 'invalid',
    });
  });

  test('garbage in the header: invalid, no exception', async () => {
    const signed = signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0);
    for (const garbage of ['%%%not-a-signature%%%', '', 'v2...', `v1.${T0}.aaaaaaaaaaaaaaaaaaaaaa.${'a'.repeat(43)}`]) {
      expect(await verify({ ...signed, headers: { [CALLER_SIGNATURE_HEADER]: garbage } })).toEqual({ error: 'invalid' });
    }
  });

  test('a validly signed body with claims of the wrong shape, or none: invalid', async () => {
    // Only someone holding the secret can do this; the shape is still checked before use.
    for (const extensions of [
      { [CALLER_EXTENSION]: { v: 2, supplier: 'x', units: 42, scopes: [], protectedIdentities: 'alias' } },
      {},
      undefined,
    ]) {
      const body = JSON.stringify({ ...QUERY, extensions });
      expect(await verify({ body, headers: signSubgraphRequest({ subgraph: 'register', body }, SECRET, T0) })).toEqual({
        error: 'invalid',
      });
    }
  });

  test('the MAC is over subgraph, issuedAt, nonce and the body digest, as documented', async () => {
    const { body } = signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0);
    const digest = createHash('sha256').update(body).digest('base64url');
    const nonce = 'AAAAAAAAAAAAAAAAAAAAAA';
    const mac = createHmac('sha256', SECRET).update(`ss12000-caller.v2\nregister\n${T0}\n${nonce}\n${digest}`).digest('base64url');
    expect(signSubgraphRequest({ subgraph: 'register', body }, SECRET, T0, nonce)).toEqual({
      [CALLER_SIGNATURE_HEADER]: `v2.${T0}.${nonce}.${mac}`,
    });
  });

  test('a signature older than the window: expired', async () => {
    const signed = signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0);
    expect(await verify(signed, { now: T0 + 60_000 })).toMatchObject({ supplier: 'demo-lms' });
    expect(await verify(signed, { now: T0 + 60_001 })).toEqual({ error: 'expired' });
  });

  test('a subgraph whose clock is a little behind still accepts; one far behind does not', async () => {
    const signed = signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0);
    expect(await verify(signed, { now: T0 - 30_000 })).toMatchObject({ supplier: 'demo-lms' });
    expect(await verify(signed, { now: T0 - 30_001 })).toEqual({ error: 'invalid' });
  });

  test('a secret too short to be safe is refused outright', async () => {
    expect(() => signedSubgraphRequest(lms, QUERY, 'register', 'short', T0)).toThrow('at least 32 bytes');
  });
});

describe('the signature is bound to one request', () => {
  test('presented to another subgraph: invalid', async () => {
    expect(await verify(signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0), { subgraph: 'grades' })).toEqual({ error: 'invalid' });
  });

  test('with another body (another operation, other variables): invalid', async () => {
    const signed = signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0);
    const other = signedSubgraphRequest(
      lms,
      { query: '{ persons(first: 3) { edges { node { id civicNo { value } } } } }' },
      'register',
      SECRET,
      T0,
    );
    expect(await verify({ ...other, headers: signed.headers })).toEqual({ error: 'invalid' });
    // One byte more (whitespace the JSON parser would not mind) is another body too.
    expect(await verify({ ...signed, body: `${signed.body} ` })).toEqual({ error: 'invalid' });
  });

  test('presented again: replayed, also after the first was long accepted, until it would have expired anyway', async () => {
    const seen = new SeenSignatures();
    const signed = signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0);
    expect(await verify(signed, { seen })).toMatchObject({ supplier: 'demo-lms' });
    expect(await verify(signed, { seen, now: T0 + 1 })).toEqual({ error: 'replayed' });
    expect(await verify(signed, { seen, now: T0 + 59_999 })).toEqual({ error: 'replayed' });
    expect(await verify(signed, { seen, now: T0 + 60_001 })).toEqual({ error: 'expired' });
  });

  test('two requests signed the same millisecond for the same body are two requests', async () => {
    const seen = new SeenSignatures();
    expect(await verify(signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0), { seen })).toMatchObject({ supplier: 'demo-lms' });
    expect(await verify(signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0), { seen })).toMatchObject({ supplier: 'demo-lms' });
  });

  test('refused requests are not remembered; accepted ones are forgotten once expired (memory stays bounded)', async () => {
    const seen = new SeenSignatures();
    await verify(signedSubgraphRequest(lms, QUERY, 'register', 'somebody-elses-secret-of-32-bytes-or-more', T0), { seen });
    expect(seen.size).toBe(0);
    for (let index = 0; index < 100; index += 1)
      await verify(signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0 + index), { seen, now: T0 + index });
    expect(seen.size).toBe(100);
    await verify(signedSubgraphRequest(lms, QUERY, 'register', SECRET, T0 + 70_000), { seen, now: T0 + 70_000 });
    expect(seen.size).toBe(1);
  });
});
