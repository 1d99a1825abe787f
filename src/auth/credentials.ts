import { decodeJwt } from 'jose';
import { matchApiKey } from './api-key';
import { callerFor, type Caller } from './caller';
import { headerValue, type HeaderSource } from './headers';
import type { SupplierConfig, SuppliersConfig } from './suppliers-config';
import { expandUnits, type OrganisationNode, type UnitSet } from './units';

export interface AuthenticatorOptions {
  /** The config in force: `watch.current` for a reloading file, or `() => config`. */
  config: () => SuppliersConfig;
  /**
   * The organisation tree units expand over. Without it a listed id covers only itself and
   * a schoolUnitCode covers nothing: missing knowledge narrows access, never widens it.
   */
  organisations?: () => readonly OrganisationNode[];
  /** Told why a JWT was refused (a jose error code, never the token). */
  logger?: { warn(obj: object, msg: string): void };
  now?: () => number;
  /** Told which supplier's key (its sha256 hex digest) or JWT was just accepted: the console shows last use. */
  onUse?: (supplier: string, key: string) => void;
}

export interface Authenticator {
  /** The caller the request's credentials prove, or null (no, unknown or bad credentials: HTTP 401). */
  authenticate(headers: HeaderSource): Promise<Caller | null>;
  /** The caller a supplier's own credentials would prove, without them (the console's supplier view), or null. */
  callerOf?(supplier: string): Caller | null;
}

// Far above any real key or token; stops hashing or parsing megabytes of header.
const MAX_CREDENTIAL_LENGTH = 8192;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The credential the request carries: `Authorization: Bearer <x>` or `x-api-key: <x>`, not both. */
export const requestCredential = (headers: HeaderSource): string | undefined => {
  const authorization = headerValue(headers, 'authorization');
  const apiKey = headerValue(headers, 'x-api-key');
  if (authorization !== undefined && apiKey !== undefined) return undefined;
  const bearer = authorization === undefined ? undefined : /^Bearer +(\S+)$/i.exec(authorization.trim())?.[1];
  const credential = bearer ?? apiKey?.trim();
  return credential && credential.length <= MAX_CREDENTIAL_LENGTH ? credential : undefined;
};

export const createAuthenticator = (options: AuthenticatorOptions): Authenticator => {
  const now = options.now ?? Date.now;
  // Per supplier object, so a reload (new objects) or a new tree recomputes; requests never do.
  const unitCache = new WeakMap<SupplierConfig, { tree: readonly OrganisationNode[] | undefined; units: UnitSet }>();
  const keyCache = new WeakMap<SuppliersConfig, { digests: Buffer[]; owners: SupplierConfig[] }>();

  const unitsOf = (supplier: SupplierConfig): UnitSet => {
    const tree = options.organisations?.();
    const cached = unitCache.get(supplier);
    if (cached && cached.tree === tree) return cached.units;
    const { units } = expandUnits(supplier.units, tree ?? []);
    unitCache.set(supplier, { tree, units });
    return units;
  };

  const byApiKey = (config: SuppliersConfig, key: string): SupplierConfig | undefined => {
    let keys = keyCache.get(config);
    if (!keys) {
      keys = { digests: [], owners: [] };
      for (const supplier of config.suppliers) {
        for (const digest of supplier.apiKeyHashes) {
          keys.digests.push(digest);
          keys.owners.push(supplier);
        }
      }
      keyCache.set(config, keys);
    }
    const found = matchApiKey(key, keys.digests);
    const owner = keys.owners[found];
    if (owner) options.onUse?.(owner.name, (keys.digests[found] as Buffer).toString('hex'));
    return owner;
  };

  const byJwt = async (config: SuppliersConfig, token: string): Promise<SupplierConfig | undefined> => {
    let claims: Record<string, unknown>;
    try {
      claims = decodeJwt(token);
    } catch {
      return undefined;
    }
    // Unverified claims only pick the one supplier whose keys must then verify the token.
    const supplier = config.suppliers.find(
      (candidate) =>
        candidate.jwt !== undefined && candidate.jwt.issuer === claims.iss && claims[candidate.jwt.supplierClaim] === candidate.name,
    );
    if (!supplier?.jwt) return undefined;
    try {
      const payload = await supplier.jwt.verify(token);
      if (payload[supplier.jwt.supplierClaim] !== supplier.name) return undefined;
      options.onUse?.(supplier.name, 'jwt');
      return supplier;
    } catch (error) {
      options.logger?.warn({ supplier: supplier.name, reason: (error as { code?: string }).code ?? 'ERR_UNKNOWN' }, 'JWT refused');
      return undefined;
    }
  };

  return {
    authenticate: async (headers) => {
      const credential = requestCredential(headers);
      if (credential === undefined) return null;
      const config = options.config();
      const supplier = JWT_SHAPE.test(credential) ? await byJwt(config, credential) : byApiKey(config, credential);
      return supplier ? callerFor(supplier, unitsOf(supplier), now()) : null;
    },
    callerOf: (name) => {
      const supplier = options.config().byName.get(name);
      return supplier ? callerFor(supplier, unitsOf(supplier), now()) : null;
    },
  };
};
