import type { PresetName } from './presets';
import type { SupplierConfig, SupplierLimits } from './suppliers-config';
import type { ProtectedIdentities } from './suppliers-schema';
import type { UnitSet } from './units';
import type { WriteGrant } from './write-grants';

/**
 * Who is asking, as the gateway established it and forwards it (signed) to the subgraphs.
 * Everything a subgraph needs to enforce access, and nothing that would need the config.
 */
export interface Caller {
  readonly supplier: string;
  /** Organisation ids with their sub-units already expanded, or all. */
  readonly units: UnitSet;
  readonly scopes: readonly PresetName[];
  readonly protectedIdentities: ProtectedIdentities;
  readonly minGroupSize: number | undefined;
  /** What it may write (write-grants.ts); none when absent. */
  readonly writes?: readonly WriteGrant[];
  /**
   * The request's `Idempotency-Key` header, as the gateway read it: signed on with the claims, so a
   * retried mutation is recognised in the subgraph and nobody can claim another's key past the gateway.
   */
  readonly idempotencyKey?: string;
  /** When the claims were issued (signed), in ms since the epoch. */
  readonly issuedAt: number;
  /** The supplier's cost budget and rate limit: the gateway's business, not signed on to subgraphs. */
  readonly limits?: SupplierLimits;
}

export const callerFor = (supplier: SupplierConfig, units: UnitSet, issuedAt: number): Caller => ({
  supplier: supplier.name,
  units,
  scopes: supplier.scopes,
  protectedIdentities: supplier.protectedIdentities,
  minGroupSize: supplier.minGroupSize,
  writes: supplier.writes,
  issuedAt,
  limits: supplier.limits,
});
