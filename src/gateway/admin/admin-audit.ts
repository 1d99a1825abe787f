// Every change an administrator makes, as one audit line (`"name":"audit"`, msg "admin change") and in
// a bounded in-memory list the console reads (GET /admin/api/audit). Before/after are supplier entries
// as configured, with key digests cut to fingerprints: they hold names of suppliers, presets and unit
// ids, never personal data, and never a key.
import type { Logger } from 'pino';
import type { SupplierFile } from '../../auth/suppliers-schema';

export type AdminAction = 'sign-in' | 'sign-out' | 'update-supplier' | 'issue-key' | 'revoke-key';

export interface AdminAuditEntry {
  at: string;
  admin: string;
  action: AdminAction;
  supplier?: string;
  /** The supplier entry before and after (sanitised: see `auditable`). */
  before?: unknown;
  after?: unknown;
  /** For key changes: the fingerprint of the key issued or revoked. */
  key?: string;
}

export interface AdminAudit {
  record(entry: Omit<AdminAuditEntry, 'at'>): void;
  /** Newest first. */
  list(): readonly AdminAuditEntry[];
}

const KEPT = 500;

/** A key's fingerprint: the first 16 hex digits of its sha256 digest (enough to tell keys apart). */
export const fingerprintOf = (sha256: string): string => sha256.slice(0, 16);

/** A supplier entry fit for the audit: key digests as fingerprints, a PEM as its first line only. */
export const auditable = (entry: SupplierFile | undefined): unknown => {
  if (!entry) return undefined;
  const { apiKeys, jwt, ...rest } = entry;
  return {
    ...rest,
    ...(apiKeys ? { apiKeys: apiKeys.map((key) => fingerprintOf(key.sha256)) } : {}),
    ...(jwt ? { jwt: { ...jwt, ...(jwt.publicKeyPem ? { publicKeyPem: '(PEM public key)' } : {}) } } : {}),
  };
};

export const createAdminAudit = (audit: Logger, now: () => number = Date.now): AdminAudit => {
  const entries: AdminAuditEntry[] = [];
  return {
    record: (entry) => {
      const full: AdminAuditEntry = { at: new Date(now()).toISOString(), ...entry };
      audit.info({ ...full, kind: 'admin' }, 'admin change');
      entries.unshift(full);
      if (entries.length > KEPT) entries.length = KEPT;
    },
    list: () => entries,
  };
};
