import { createHmac, timingSafeEqual } from 'node:crypto';
import Ajv from 'ajv';
import type { Caller } from './caller';
import { headerValue, type HeaderSource } from './headers';
import { PRESET_NAMES } from './presets';

/** base64url JSON of the caller's claims. */
export const CALLER_HEADER = 'x-ss12000-caller';
/** base64url HMAC-SHA256 over the claims header, with the secret gateway and subgraphs share. */
export const CALLER_SIGNATURE_HEADER = 'x-ss12000-caller-signature';

export interface SignatureWindow {
  /** Verification time in ms since the epoch (default: now). */
  now?: number;
  /** How old a signature may be (default 60 s): a captured header is soon worthless. */
  maxAgeMs?: number;
  /** How far in the future issuedAt may be, for clocks that disagree (default 30 s). */
  clockSkewMs?: number;
}

export type CallerHeaderError = { error: 'missing' | 'invalid' | 'expired' };

// Domain-separates this MAC from any other use of the same secret.
const CONTEXT = 'ss12000-caller.v1.';
const MIN_SECRET_BYTES = 32;

interface WireClaims {
  v: 1;
  supplier: string;
  units: 'all' | string[];
  scopes: Caller['scopes'][number][];
  protectedIdentities: Caller['protectedIdentities'];
  minGroupSize?: number;
  issuedAt: number;
}

const validateClaims = new Ajv({ strict: true, allowUnionTypes: true }).compile<WireClaims>({
  type: 'object',
  required: ['v', 'supplier', 'units', 'scopes', 'protectedIdentities', 'issuedAt'],
  additionalProperties: false,
  properties: {
    v: { const: 1 },
    supplier: { type: 'string', minLength: 1 },
    units: { anyOf: [{ const: 'all' }, { type: 'array', items: { type: 'string' } }] },
    scopes: { type: 'array', items: { enum: [...PRESET_NAMES] } },
    protectedIdentities: { enum: ['exclude', 'alias'] },
    minGroupSize: { type: 'integer', minimum: 1 },
    issuedAt: { type: 'integer' },
  },
});

const mac = (secret: string | Buffer, payload: string): Buffer => {
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) throw new Error(`the caller-signing secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return createHmac('sha256', secret).update(CONTEXT + payload).digest();
};

/**
 * The two headers that carry `caller` to a subgraph, stamped with `issuedAt` = now. Sign per
 * subgraph request (in `willSendRequest`), not once per gateway request: a long query must
 * not outlive its own signature.
 */
export const signCallerHeaders = (caller: Caller, secret: string | Buffer, now = Date.now()): Record<string, string> => {
  const claims: WireClaims = {
    v: 1,
    supplier: caller.supplier,
    units: caller.units === 'all' ? 'all' : [...caller.units],
    scopes: [...caller.scopes],
    protectedIdentities: caller.protectedIdentities,
    ...(caller.minGroupSize === undefined ? {} : { minGroupSize: caller.minGroupSize }),
    issuedAt: now,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { [CALLER_HEADER]: payload, [CALLER_SIGNATURE_HEADER]: mac(secret, payload).toString('base64url') };
};

const decode = (payload: string): WireClaims | undefined => {
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return validateClaims(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
};

/** The caller a subgraph may trust, or why it may not: a subgraph serves nothing without one. */
export const verifyCallerHeaders = (headers: HeaderSource, secret: string | Buffer, window: SignatureWindow = {}): Caller | CallerHeaderError => {
  const payload = headerValue(headers, CALLER_HEADER);
  const signature = headerValue(headers, CALLER_SIGNATURE_HEADER);
  if (payload === undefined || signature === undefined) return { error: 'missing' };
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { error: 'invalid' };
  const claims = decode(payload);
  if (!claims) return { error: 'invalid' };
  const now = window.now ?? Date.now();
  if (claims.issuedAt > now + (window.clockSkewMs ?? 30_000)) return { error: 'invalid' };
  if (now - claims.issuedAt > (window.maxAgeMs ?? 60_000)) return { error: 'expired' };
  return {
    supplier: claims.supplier,
    units: claims.units === 'all' ? 'all' : new Set(claims.units),
    scopes: claims.scopes,
    protectedIdentities: claims.protectedIdentities,
    minGroupSize: claims.minGroupSize,
    issuedAt: claims.issuedAt,
  };
};

export const isCallerHeaderError = (value: Caller | CallerHeaderError): value is CallerHeaderError => 'error' in value;
