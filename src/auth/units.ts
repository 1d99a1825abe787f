import type * as W from '../ss12000/wire';
import type { UnitRef } from './suppliers-schema';

/** An organisation as far as unit permissions care: where it hangs in the tree. */
export interface OrganisationNode {
  readonly id: string;
  readonly parentId?: string | undefined;
  readonly schoolUnitCode?: string | undefined;
}

/** An SS 12000 organisation as a node of the tree (whoever fetched the organisations calls this). */
export const organisationNode = (organisation: W.Organisation): OrganisationNode => ({
  id: organisation.id,
  parentId: organisation.parentOrganisation?.id,
  schoolUnitCode: organisation.schoolUnitCode,
});

/** The organisation ids a caller may see rows of, or all. */
export type UnitSet = 'all' | ReadonlySet<string>;

export interface ExpandedUnits {
  readonly units: UnitSet;
  /** schoolUnitCodes that name no organisation: they grant nothing. */
  readonly unresolved: readonly string[];
}

/**
 * A supplier's units with every sub-unit below them, given the organisation tree (passed
 * in: auth does not fetch). An id that is not in the tree is kept as is: it still
 * matches its own rows, the tree may simply be older than the config.
 */
export const expandUnits = (units: 'all' | readonly UnitRef[], organisations: readonly OrganisationNode[]): ExpandedUnits => {
  if (units === 'all') return { units: 'all', unresolved: [] };
  const children = new Map<string, string[]>();
  const byCode = new Map<string, string>();
  for (const organisation of organisations) {
    if (organisation.schoolUnitCode !== undefined) byCode.set(organisation.schoolUnitCode, organisation.id);
    if (organisation.parentId === undefined) continue;
    const siblings = children.get(organisation.parentId) ?? [];
    siblings.push(organisation.id);
    children.set(organisation.parentId, siblings);
  }
  const unresolved: string[] = [];
  const pending: string[] = [];
  for (const unit of units) {
    const id = typeof unit === 'string' ? unit : byCode.get(unit.schoolUnitCode);
    if (id === undefined) unresolved.push((unit as { schoolUnitCode: string }).schoolUnitCode);
    else pending.push(id);
  }
  const seen = new Set<string>();
  // Iterative, with a seen set: a parent cycle in bad producer data must not loop forever.
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  return { units: seen, unresolved };
};

/** Whether a row owned by `organisationId` is inside the caller's units. */
export const unitAllows = (units: UnitSet, organisationId: string | undefined): boolean =>
  units === 'all' || (organisationId !== undefined && units.has(organisationId));
