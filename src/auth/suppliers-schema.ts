import { PRESET_NAMES, type PresetName } from './presets';
import { TRUSTED_DOCUMENTS_SCHEMA, type TrustedDocumentsFile } from './trusted-documents';
import { WRITE_GRANTS, type WriteGrant } from './write-grants';

/** How a JWT is verified (jwt-verifier.ts): the same keys for suppliers' and administrators' tokens. */
export const JWT_VERIFIER_PROPERTIES = {
  issuer: { type: 'string', minLength: 1 },
  audience: { type: 'string', minLength: 1 },
  jwksUrl: { type: 'string', format: 'uri', pattern: '^https?://' },
  publicKeyPem: { type: 'string', pattern: '-----BEGIN PUBLIC KEY-----' },
  algorithm: { enum: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] },
} as const;

/** A school unit as written in the file: its organisation id, or its schoolUnitCode until the ids are known. */
export type UnitRef = string | { schoolUnitCode: string };

export type ProtectedIdentities = 'exclude' | 'alias';

/** One supplier exactly as the YAML file gives it (after validation). */
export interface SupplierFile {
  name: string;
  apiKeys?: { sha256: string }[];
  jwt?: {
    issuer: string;
    audience: string;
    jwksUrl?: string;
    publicKeyPem?: string;
    /** The JWS algorithm a PEM key verifies (default RS256); a JWKS names its own. */
    algorithm?: string;
    /** The claim whose value is the supplier's name (default client_id). */
    supplierClaim?: string;
  };
  units: 'all' | UnitRef[];
  scopes: PresetName[];
  /** What it may write (write-grants.ts); nothing when not given. */
  writes?: WriteGrant[];
  protectedIdentities: ProtectedIdentities;
  minGroupSize?: number;
  trustedDocuments?: TrustedDocumentsFile;
  /** Most an operation may cost (src/gateway/operation-cost.ts); the gateway's default when not given. */
  costBudget?: number;
  /** Most requests per window (src/gateway/rate-limit.ts); the gateway's default when not given. */
  rateLimit?: RateLimitSetting;
  /** Where the change feed notifies the supplier (src/changes/delivery.ts); the secret as `${ENV_VAR}`. */
  webhook?: { url: string; secret: string };
}

export interface RateLimitSetting {
  requests: number;
  windowSeconds: number;
}

export interface SuppliersFile {
  suppliers: SupplierFile[];
}

// if/then/else rather than oneOf: ajv then reports the one branch that applies,
// so an error reads "must be a uuid" instead of three alternatives that all failed.
const unitRef = {
  if: { type: 'string' },
  then: { type: 'string', format: 'uuid' },
  else: {
    type: 'object',
    required: ['schoolUnitCode'],
    additionalProperties: false,
    properties: { schoolUnitCode: { type: 'string', pattern: '^[0-9]{8}$' } },
  },
};

/** A supplier's name: it appears in logs, error paths and the signed caller header. */
export const SUPPLIER_NAME_PATTERN = '^[a-z0-9][a-z0-9._-]{0,63}$';

const supplier = {
  type: 'object',
  required: ['name', 'units', 'scopes', 'protectedIdentities'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: SUPPLIER_NAME_PATTERN },
    apiKeys: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sha256'],
        additionalProperties: false,
        properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
      },
    },
    jwt: {
      type: 'object',
      required: ['issuer', 'audience'],
      additionalProperties: false,
      properties: {
        ...JWT_VERIFIER_PROPERTIES,
        supplierClaim: { type: 'string', minLength: 1 },
      },
    },
    units: {
      if: { type: 'string' },
      then: { const: 'all' },
      else: { type: 'array', minItems: 1, items: unitRef },
    },
    scopes: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...PRESET_NAMES] } },
    writes: { type: 'array', uniqueItems: true, items: { enum: [...WRITE_GRANTS] } },
    protectedIdentities: { enum: ['exclude', 'alias'] },
    minGroupSize: { type: 'integer', minimum: 1 },
    trustedDocuments: TRUSTED_DOCUMENTS_SCHEMA,
    costBudget: { type: 'integer', minimum: 1, maximum: 100_000_000 },
    rateLimit: {
      type: 'object',
      required: ['requests', 'windowSeconds'],
      additionalProperties: false,
      properties: {
        requests: { type: 'integer', minimum: 1, maximum: 1_000_000 },
        windowSeconds: { type: 'integer', minimum: 1, maximum: 86_400 },
      },
    },
    // The secret never sits in the file: a reference to an environment variable of the gateway.
    webhook: {
      type: 'object',
      required: ['url', 'secret'],
      additionalProperties: false,
      properties: {
        url: { type: 'string', format: 'uri', pattern: '^https?://' },
        secret: { type: 'string', pattern: '^\\$\\{[A-Z_][A-Z0-9_]*\\}$' },
      },
    },
  },
};

export const SUPPLIERS_SCHEMA = {
  type: 'object',
  required: ['suppliers'],
  additionalProperties: false,
  properties: { suppliers: { type: 'array', items: supplier } },
} as const;
