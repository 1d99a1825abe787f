// Who may open the console and its admin API: the municipality's administrators, by an API key whose
// sha256 digest is in the gateway config, or by a JWT from the municipality's identity provider that
// carries the admin claim. A separate set from the suppliers': a supplier's key never opens it.
import { matchApiKey } from './api-key';
import { createJwtVerifier, type JwtVerifier } from './jwt-verifier';
import { JWT_VERIFIER_PROPERTIES } from './suppliers-schema';

/** The gateway config's `admin` block as written (validated by ADMIN_SCHEMA). */
export interface AdminFile {
  apiKeys?: { name: string; sha256: string }[];
  jwt?: {
    issuer: string;
    audience: string;
    jwksUrl?: string;
    publicKeyPem?: string;
    algorithm?: string;
    /** The claim that must hold `adminValue` (a string, or an array containing it). Default `roles`. */
    adminClaim?: string;
    /** Default `ss12000-admin`. */
    adminValue?: string;
    /** The claim naming the administrator in audit lines. Default `sub`. */
    nameClaim?: string;
  };
}

/** An authenticated administrator: `name` goes into audit lines (a key's label or the token's subject). */
export interface Admin {
  readonly name: string;
}

export interface AdminAuthenticator {
  /** The administrator a credential proves, or null. */
  authenticate(credential: string): Promise<Admin | null>;
}

const ADMIN_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$';

export const ADMIN_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    apiKeys: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'sha256'],
        additionalProperties: false,
        properties: { name: { type: 'string', pattern: ADMIN_NAME_PATTERN }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
      },
    },
    jwt: {
      type: 'object',
      required: ['issuer', 'audience'],
      additionalProperties: false,
      properties: {
        ...JWT_VERIFIER_PROPERTIES,
        adminClaim: { type: 'string', minLength: 1 },
        adminValue: { type: 'string', minLength: 1 },
        nameClaim: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const holds = (claim: unknown, value: string): boolean => claim === value || (Array.isArray(claim) && claim.includes(value));

/** Without an `admin` block nobody is an administrator: the console and its API answer 401 to all. */
export const createAdminAuthenticator = async (file: AdminFile | undefined): Promise<AdminAuthenticator> => {
  const keys = file?.apiKeys ?? [];
  const digests = keys.map((key) => Buffer.from(key.sha256, 'hex'));
  let verify: JwtVerifier | undefined;
  if (file?.jwt) {
    if ((file.jwt.jwksUrl === undefined) === (file.jwt.publicKeyPem === undefined))
      throw new Error('admin.jwt: needs exactly one of jwksUrl and publicKeyPem');
    verify = await createJwtVerifier(file.jwt);
  }
  const jwt = file?.jwt;
  return {
    authenticate: async (credential) => {
      if (verify && jwt && JWT_SHAPE.test(credential)) {
        try {
          const payload = await verify(credential);
          const name = payload[jwt.nameClaim ?? 'sub'];
          if (!holds(payload[jwt.adminClaim ?? 'roles'], jwt.adminValue ?? 'ss12000-admin') || typeof name !== 'string' || name === '')
            return null;
          return { name: `jwt:${name}` };
        } catch {
          return null;
        }
      }
      const index = matchApiKey(credential, digests);
      return index === -1 ? null : { name: keys[index]!.name };
    },
  };
};
