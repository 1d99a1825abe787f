// The caller as the gateway forwards it to a subgraph: claims in the request body, and one signature
// that binds them to that subgraph, that body and that moment, usable once.
//
// Wire format (v2), one subgraph request:
//   body    the GraphQL request JSON as @apollo/gateway sends it, the claims at
//           `extensions.ss12000Caller` = { v: 2, supplier, units, scopes, protectedIdentities, minGroupSize?,
//           writes?, idempotencyKey? }
//   header  x-ss12000-caller-signature: v2.<issuedAt, ms since the epoch>.<nonce>.<mac>
//   mac     base64url HMAC-SHA256(secret, "ss12000-caller.v2\n" + subgraph + "\n" + issuedAt + "\n"
//                                          + nonce + "\n" + base64url(SHA-256(body bytes)))
//
// Why the body: an expanded unit list (a municipality-wide supplier: every unit) outgrows any header
// limit (Node's is 16 KiB: about 300 units answered 431), while the body is limited at 2 MiB (some
// 50,000 units). The subgraph gets exactly the set the gateway expanded, so it needs no organisation
// tree of its own and cannot disagree with the gateway about the scope. The digest covers the claims
// with the operation and its variables: changing any of them breaks the signature. The subgraph name is
// not sent: each subgraph verifies with its own name, so a request signed for another is refused.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import Ajv from 'ajv';
import type { Caller } from './caller';
import { headerValue, type HeaderSource } from './headers';
import { PRESET_NAMES } from './presets';
import { WRITE_GRANTS } from './write-grants';

/** Key of the caller's claims in the signed request body's `extensions`. */
export const CALLER_EXTENSION = 'ss12000Caller';
/** `v2.<issuedAt>.<nonce>.<mac>`: see the top of this file. */
export const CALLER_SIGNATURE_HEADER = 'x-ss12000-caller-signature';

export interface SignatureWindow {
  /** Verification time in ms since the epoch (default: now). */
  now?: number;
  /** How old a signature may be (default 60 s): a captured request is soon worthless. */
  maxAgeMs?: number;
  /** How far in the future issuedAt may be, for clocks that disagree (default 30 s). */
  clockSkewMs?: number;
}

export type CallerHeaderError = { error: 'missing' | 'invalid' | 'expired' | 'replayed' };

/** The caller's claims as they travel in the body (`extensions.ss12000Caller`). */
export interface WireClaims {
  v: 2;
  supplier: string;
  units: 'all' | string[];
  scopes: Caller['scopes'][number][];
  protectedIdentities: Caller['protectedIdentities'];
  minGroupSize?: number;
  writes?: NonNullable<Caller['writes']>[number][];
  idempotencyKey?: string;
}

/** What an Idempotency-Key may be: printable ASCII, at most 255 characters (it is stored, and logged never). */
export const IDEMPOTENCY_KEY_PATTERN = '^[\\x21-\\x7e]{1,255}$';

// Domain-separates this MAC from any other use of the same secret (and from v1's header MAC).
const CONTEXT = 'ss12000-caller.v2\n';
const MIN_SECRET_BYTES = 32;
const DEFAULT_MAX_AGE_MS = 60_000;
const DEFAULT_CLOCK_SKEW_MS = 30_000;
/** The longest a nonce must be remembered under the default window: after that its signature is refused as expired anyway. */
export const SIGNATURE_MEMORY_MS = DEFAULT_MAX_AGE_MS + DEFAULT_CLOCK_SKEW_MS;
const SIGNATURE = /^v2\.(\d{1,16})\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/;

const validateClaims = new Ajv({ strict: true, allowUnionTypes: true }).compile<WireClaims>({
  type: 'object',
  required: ['v', 'supplier', 'units', 'scopes', 'protectedIdentities'],
  additionalProperties: false,
  properties: {
    v: { const: 2 },
    supplier: { type: 'string', minLength: 1 },
    units: { anyOf: [{ const: 'all' }, { type: 'array', items: { type: 'string' } }] },
    scopes: { type: 'array', items: { enum: [...PRESET_NAMES] } },
    protectedIdentities: { enum: ['exclude', 'alias'] },
    minGroupSize: { type: 'integer', minimum: 1 },
    writes: { type: 'array', items: { enum: [...WRITE_GRANTS] } },
    idempotencyKey: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN },
  },
});

interface Binding {
  subgraph: string;
  issuedAt: number;
  nonce: string;
  body: string | Buffer;
}

const mac = (secret: string | Buffer, { subgraph, issuedAt, nonce, body }: Binding): Buffer => {
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) throw new Error(`the caller-signing secret must be at least ${MIN_SECRET_BYTES} bytes`);
  const digest = createHash('sha256').update(body).digest('base64url');
  return createHmac('sha256', secret).update(`${CONTEXT}${subgraph}\n${issuedAt}\n${nonce}\n${digest}`).digest();
};

/** The claims to put at `extensions.ss12000Caller` of a request to a subgraph. */
export const callerClaims = (caller: Caller): WireClaims => ({
  v: 2,
  supplier: caller.supplier,
  units: caller.units === 'all' ? 'all' : [...caller.units],
  scopes: [...caller.scopes],
  protectedIdentities: caller.protectedIdentities,
  ...(caller.minGroupSize === undefined ? {} : { minGroupSize: caller.minGroupSize }),
  ...(caller.writes === undefined || caller.writes.length === 0 ? {} : { writes: [...caller.writes] }),
  ...(caller.idempotencyKey === undefined ? {} : { idempotencyKey: caller.idempotencyKey }),
});

/**
 * The signature header of one request to `subgraph` whose body (claims included) is exactly `body`,
 * stamped with `issuedAt` = now and a fresh nonce. Sign each subgraph request as it is sent, never once
 * per gateway request: the subgraph accepts each signature once, and a long plan must not outlive it.
 */
export const signSubgraphRequest = (
  binding: { subgraph: string; body: string | Buffer },
  secret: string | Buffer,
  now = Date.now(),
  nonce = randomBytes(16).toString('base64url'),
): Record<string, string> => {
  const signature = mac(secret, { ...binding, issuedAt: now, nonce }).toString('base64url');
  return { [CALLER_SIGNATURE_HEADER]: `v2.${now}.${nonce}.${signature}` };
};

/** A whole signed request as the gateway sends it: `request` with the claims added, serialised, and its header. */
export const signedSubgraphRequest = (
  caller: Caller,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string; extensions?: Record<string, unknown> },
  subgraph: string,
  secret: string | Buffer,
  now = Date.now(),
): { body: string; headers: Record<string, string> } => {
  const body = JSON.stringify({ ...request, extensions: { ...request.extensions, [CALLER_EXTENSION]: callerClaims(caller) } });
  return { body, headers: signSubgraphRequest({ subgraph, body }, secret, now) };
};

/** Where a subgraph remembers the nonces of signatures it accepted: refused when presented again. */
export interface SignatureLedger {
  /** Records `nonce` until `expiresAt`; false when it was already there. */
  claim(nonce: string, expiresAt: number, now: number): boolean | Promise<boolean>;
}

/**
 * Nonces of signatures a subgraph has already accepted, each kept until its signature would be refused
 * as expired anyway: the same signed request presented again within the window is refused.
 *
 * IN MEMORY, PER PROCESS. Memory: one entry per accepted request for at most maxAge + clock skew
 * (90 s by default), some 100 bytes each: 1,000 requests/s hold about 9 MB. A restarted subgraph
 * forgets them, and replicas of one subgraph keep separate sets: the deployed shape puts a shared
 * ledger in front (src/gateway/signature-ledger.ts, Redis SET NX), this one beneath it.
 */
export class SeenSignatures implements SignatureLedger {
  // Insertion order is roughly expiry order (issuedAt grows; skew reorders it by at most clockSkewMs).
  private readonly seen = new Map<string, number>();

  /** Records `nonce` until `expiresAt`; false when it was already there. */
  claim(nonce: string, expiresAt: number, now: number): boolean {
    for (const [old, expiry] of this.seen) {
      if (expiry >= now) break;
      this.seen.delete(old);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, expiresAt);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}

export interface SubgraphRequest {
  /** The request's headers (the signature header is read from them). */
  headers: HeaderSource;
  /** The verifying subgraph's own name. */
  subgraph: string;
  /** The body exactly as received. */
  body: string | Buffer;
  /** The same body parsed (the claims are read from its `extensions`). */
  parsedBody: unknown;
}

const claimsIn = (parsedBody: unknown): WireClaims | undefined => {
  if (typeof parsedBody !== 'object' || parsedBody === null || Array.isArray(parsedBody)) return undefined;
  const extensions = (parsedBody as { extensions?: unknown }).extensions;
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const claims = (extensions as Record<string, unknown>)[CALLER_EXTENSION];
  return validateClaims(claims) ? claims : undefined;
};

/**
 * The caller a subgraph may trust, or why it may not: a subgraph serves nothing without one. Refused:
 * no signature (missing); a signature not made with the secret for this subgraph and this body, or
 * claims of the wrong shape (invalid); one older than the window (expired); one already accepted
 * (replayed: pass the subgraph's `seen`; without it replays go unnoticed).
 */
export const verifySubgraphRequest = async (
  request: SubgraphRequest,
  secret: string | Buffer,
  options: SignatureWindow & { seen?: SignatureLedger } = {},
): Promise<Caller | CallerHeaderError> => {
  const header = headerValue(request.headers, CALLER_SIGNATURE_HEADER);
  if (header === undefined) return { error: 'missing' };
  const parts = SIGNATURE.exec(header);
  if (!parts) return { error: 'invalid' };
  const issuedAt = Number(parts[1]);
  const nonce = parts[2] as string;
  const given = Buffer.from(parts[3] as string, 'base64url');
  const expected = mac(secret, { subgraph: request.subgraph, issuedAt, nonce, body: request.body });
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { error: 'invalid' };
  const now = options.now ?? Date.now();
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  if (issuedAt > now + (options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS)) return { error: 'invalid' };
  if (now - issuedAt > maxAgeMs) return { error: 'expired' };
  const claims = claimsIn(request.parsedBody);
  if (!claims) return { error: 'invalid' };
  // Only genuine, fresh signatures get here: nobody without the secret can fill the set.
  if (options.seen && !(await options.seen.claim(nonce, issuedAt + maxAgeMs, now))) return { error: 'replayed' };
  return {
    supplier: claims.supplier,
    units: claims.units === 'all' ? 'all' : new Set(claims.units),
    scopes: claims.scopes,
    protectedIdentities: claims.protectedIdentities,
    minGroupSize: claims.minGroupSize,
    ...(claims.writes === undefined ? {} : { writes: claims.writes }),
    ...(claims.idempotencyKey === undefined ? {} : { idempotencyKey: claims.idempotencyKey }),
    issuedAt,
  };
};

export const isCallerHeaderError = (value: Caller | CallerHeaderError): value is CallerHeaderError => 'error' in value;
