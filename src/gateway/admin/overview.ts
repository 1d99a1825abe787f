// The console's supplier overview: each supplier's configuration as in force, its keys by fingerprint
// with their last use, its write grants and webhook (its origin and whether its secret is set, never the
// secret), and its requests by status from the gateway's own metrics (this process's).
import type { SupplierConfig, SuppliersConfig } from '../../auth';
import { gatewayRequestSeconds } from '../../observability/metrics';
import { fingerprintOf } from './admin-audit';
import type { KeyUsage } from './key-usage';

export interface SupplierOverview {
  name: string;
  units: SupplierConfig['units'];
  scopes: SupplierConfig['scopes'];
  protectedIdentities: SupplierConfig['protectedIdentities'];
  minGroupSize: number | null;
  costBudget: number | null;
  rateLimit: { requests: number; windowSeconds: number } | null;
  trustedDocuments: string | null;
  jwt: { issuer: string; lastUsed: string | null } | null;
  /** Its write grants (src/auth/write-grants.ts); empty: it writes nothing. */
  writes: SupplierConfig['writes'];
  /** Its change-feed webhook: the URL's origin only (a path or query may carry a token), and whether the secret's variable is set. */
  webhook: { origin: string; secretSet: boolean } | null;
  keys: { fingerprint: string; lastUsed: string | null }[];
  /** Requests answered since this gateway process started, by audit status (ok, partial, error, rate_limited). */
  requests: Record<string, number>;
  /** Of those, answers carrying errors (partial or error). */
  errors: number;
}

/** supplier → status → count, from the request histogram's `_count` series. */
const requestCounts = async (): Promise<Map<string, Record<string, number>>> => {
  const counts = new Map<string, Record<string, number>>();
  for (const sample of (await gatewayRequestSeconds.get()).values) {
    if (!sample.metricName?.endsWith('_count')) continue;
    const supplier = String(sample.labels['supplier']);
    const status = String(sample.labels['status']);
    const perStatus = counts.get(supplier) ?? {};
    perStatus[status] = (perStatus[status] ?? 0) + sample.value;
    counts.set(supplier, perStatus);
  }
  return counts;
};

/**
 * `secretSet` tells whether an environment variable holding a webhook secret is set (and not empty);
 * none is by default: a webhook whose secret is missing delivers nothing (src/changes/delivery.ts).
 */
export const supplierOverview = async (
  config: SuppliersConfig,
  usage: KeyUsage,
  secretSet: (variable: string) => boolean = () => false,
): Promise<SupplierOverview[]> => {
  const counts = await requestCounts();
  return config.suppliers.map((supplier) => {
    const requests = counts.get(supplier.name) ?? {};
    return {
      name: supplier.name,
      units: supplier.units,
      scopes: supplier.scopes,
      protectedIdentities: supplier.protectedIdentities,
      minGroupSize: supplier.minGroupSize ?? null,
      costBudget: supplier.limits.costBudget ?? null,
      rateLimit: supplier.limits.rateLimit ?? null,
      trustedDocuments: supplier.trustedDocuments ? supplier.trustedDocuments.mode : null,
      jwt: supplier.jwt ? { issuer: supplier.jwt.issuer, lastUsed: usage.lastUse(supplier.name, 'jwt') } : null,
      writes: supplier.writes,
      webhook: supplier.webhook
        ? { origin: new URL(supplier.webhook.url).origin, secretSet: secretSet(supplier.webhook.secretVariable) }
        : null,
      keys: supplier.apiKeyHashes.map((digest) => {
        const hex = digest.toString('hex');
        return { fingerprint: fingerprintOf(hex), lastUsed: usage.lastUse(supplier.name, hex) };
      }),
      requests,
      errors: (requests['partial'] ?? 0) + (requests['error'] ?? 0),
    };
  });
};
