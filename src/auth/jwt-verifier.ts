import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { SupplierFile } from './suppliers-schema';
import { getOrCompute } from '../lib/get-or-compute';

/** Resolves with the verified payload; rejects on a bad signature, issuer, audience or expiry. */
export type JwtVerifier = (token: string) => Promise<JWTPayload>;

// Tokens from a municipality's IdP and this gateway run on different clocks.
const CLOCK_TOLERANCE_SECONDS = 30;

// One remote key set per URL for the life of the process: jose caches and refreshes the keys,
// so a config reload does not refetch them.
const remoteKeySets = new Map<string, JWTVerifyGetKey>();

const remoteKeySet = (url: string): JWTVerifyGetKey => getOrCompute(remoteKeySets, url, () => createRemoteJWKSet(new URL(url)));

/** Builds the verifier for one supplier's `jwt` block; rejects if the PEM is not a key for its algorithm. */
export const createJwtVerifier = async (jwt: NonNullable<SupplierFile['jwt']>): Promise<JwtVerifier> => {
  const options = {
    issuer: jwt.issuer,
    audience: jwt.audience,
    // A token without exp would be valid forever.
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  if (jwt.jwksUrl !== undefined) {
    const keySet = remoteKeySet(jwt.jwksUrl);
    const algorithms = jwt.algorithm === undefined ? undefined : [jwt.algorithm];
    return async (token) => (await jwtVerify(token, keySet, { ...options, algorithms })).payload;
  }
  const algorithm = jwt.algorithm ?? 'RS256';
  const key = await importSPKI(jwt.publicKeyPem ?? '', algorithm);
  return async (token) => (await jwtVerify(token, key, { ...options, algorithms: [algorithm] })).payload;
};
