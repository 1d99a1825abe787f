import { createHmac } from 'node:crypto';
import type { Caller } from '../../src/auth/caller';
import { CALLER_HEADER, CALLER_SIGNATURE_HEADER, signCallerHeaders, verifyCallerHeaders } from '../../src/auth/signed-caller';

const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const T0 = Date.parse('2026-09-01T08:00:00Z');

const lms: Caller = {
  supplier: 'demo-lms',
  units: new Set(['6f1c2f9e-7d8a-4b0e-9a51-3c2d1e0f4a5b', '0b6d8f3a-1c2e-4d5f-8a7b-9c0d1e2f3a4b']),
  scopes: ['standard', 'students', 'groups'],
  protectedIdentities: 'alias',
  minGroupSize: undefined,
  issuedAt: T0 - 5_000,
};

/** Replaces one claim in a signed header without re-signing, as a forger would. */
const tamper = (headers: Record<string, string>, change: (claims: Record<string, unknown>) => void): Record<string, string> => {
  const claims = JSON.parse(Buffer.from(headers[CALLER_HEADER] as string, 'base64url').toString()) as Record<string, unknown>;
  change(claims);
  return { ...headers, [CALLER_HEADER]: Buffer.from(JSON.stringify(claims)).toString('base64url') };
};

describe('the signed caller a subgraph receives', () => {
  test('round trip: the subgraph gets back exactly the caller the gateway signed, stamped when signed', () => {
    const verified = verifyCallerHeaders(signCallerHeaders(lms, SECRET, T0), SECRET, { now: T0 + 1_000 });
    expect(verified).toEqual({ ...lms, issuedAt: T0 });
  });

  test('unlimited units and a minimum group size survive the trip', () => {
    const analytics: Caller = { ...lms, supplier: 'demo-analytics', units: 'all', protectedIdentities: 'exclude', minGroupSize: 5 };
    expect(verifyCallerHeaders(signCallerHeaders(analytics, SECRET, T0), SECRET, { now: T0 })).toEqual({ ...analytics, issuedAt: T0 });
  });

  test('headers arriving as a fetch Headers object verify the same', () => {
    const headers = new Headers(signCallerHeaders(lms, SECRET, T0));
    expect(verifyCallerHeaders(headers, SECRET, { now: T0 })).toMatchObject({ supplier: 'demo-lms' });
  });

  test('no caller headers: missing', () => {
    expect(verifyCallerHeaders({}, SECRET, { now: T0 })).toEqual({ error: 'missing' });
  });

  test('claims without their signature: missing', () => {
    const { [CALLER_HEADER]: claims } = signCallerHeaders(lms, SECRET, T0);
    expect(verifyCallerHeaders({ [CALLER_HEADER]: claims as string }, SECRET, { now: T0 })).toEqual({ error: 'missing' });
  });

  test('widened units are caught: invalid', () => {
    const forged = tamper(signCallerHeaders(lms, SECRET, T0), (claims) => {
      claims.units = 'all';
    });
    expect(verifyCallerHeaders(forged, SECRET, { now: T0 })).toEqual({ error: 'invalid' });
  });

  test('an added scope is caught: invalid', () => {
    const forged = tamper(signCallerHeaders(lms, SECRET, T0), (claims) => {
      (claims.scopes as string[]).push('civicNo');
    });
    expect(verifyCallerHeaders(forged, SECRET, { now: T0 })).toEqual({ error: 'invalid' });
  });

  test('a signature made with another secret: invalid', () => {
    const forged = signCallerHeaders(lms, 'somebody-elses-secret-of-32-bytes-or-more', T0);
    expect(verifyCallerHeaders(forged, SECRET, { now: T0 })).toEqual({ error: 'invalid' });
  });

  test('garbage in both headers: invalid, no exception', () => {
    const garbage = { [CALLER_HEADER]: '%%%not-base64%%%', [CALLER_SIGNATURE_HEADER]: '' };
    expect(verifyCallerHeaders(garbage, SECRET, { now: T0 })).toEqual({ error: 'invalid' });
  });

  test('a validly signed header with claims of the wrong shape: invalid', () => {
    // Only someone holding the secret can do this; the shape is still checked before use.
    const payload = Buffer.from(JSON.stringify({ v: 1, supplier: 'x', units: 42, scopes: [], protectedIdentities: 'alias', issuedAt: T0 })).toString('base64url');
    const signature = createHmac('sha256', SECRET).update(`ss12000-caller.v1.${payload}`).digest('base64url');
    expect(verifyCallerHeaders({ [CALLER_HEADER]: payload, [CALLER_SIGNATURE_HEADER]: signature }, SECRET, { now: T0 })).toEqual({ error: 'invalid' });
  });

  test('a signature older than the window: expired', () => {
    const headers = signCallerHeaders(lms, SECRET, T0);
    expect(verifyCallerHeaders(headers, SECRET, { now: T0 + 60_000 })).toMatchObject({ supplier: 'demo-lms' });
    expect(verifyCallerHeaders(headers, SECRET, { now: T0 + 60_001 })).toEqual({ error: 'expired' });
  });

  test('a subgraph whose clock is a little behind still accepts; one far behind does not', () => {
    const headers = signCallerHeaders(lms, SECRET, T0);
    expect(verifyCallerHeaders(headers, SECRET, { now: T0 - 30_000 })).toMatchObject({ supplier: 'demo-lms' });
    expect(verifyCallerHeaders(headers, SECRET, { now: T0 - 30_001 })).toEqual({ error: 'invalid' });
  });

  test('a secret too short to be safe is refused outright', () => {
    expect(() => signCallerHeaders(lms, 'short', T0)).toThrow('at least 32 bytes');
  });
});
