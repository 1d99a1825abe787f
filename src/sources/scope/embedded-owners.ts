// A person's `_embedded` duties, placements and group memberships are rows of other collections:
// each is held to its own owning unit, as the same row fetched directly would be (a teacher of this
// unit also on duty at another must not show that other unit's duty here).
import type { LoadOptions, Sources } from '../types';

type Row = Record<string, unknown>;
type OwnerOfItem = (item: Row, raw: Sources, options: LoadOptions) => Promise<string | undefined> | string | undefined;

const refId = (value: unknown): string | undefined => {
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
};

const EMBEDDED_OWNERS: Record<string, OwnerOfItem> = {
  duties: (duty) => refId(duty.dutyAt),
  placements: (placement) => refId(placement.placedAt),
  ownedPlacements: (placement) => refId(placement.placedAt),
  // A GroupFragment normally names its organisation; a producer that leaves it out costs a lookup.
  groupMemberships: async (membership, raw, options) => {
    const group = membership.group as Row | undefined;
    const organisation = refId(group?.organisation);
    if (organisation !== undefined || group === undefined) return organisation;
    const id = refId(group);
    return id === undefined ? undefined : ((await raw.register.load('groups', id, options))?.organisation.id ?? '');
  },
};

/** `row` with the embedded rows outside `units` left out (the row itself when it embeds none). */
export async function embeddedInside<T extends Row>(row: T, units: ReadonlySet<string>, raw: Sources, options: LoadOptions): Promise<T> {
  const embedded = row._embedded as Row | undefined;
  if (embedded === undefined || embedded === null) return row;
  const kept: Row = { ...embedded };
  for (const [key, ownerOf] of Object.entries(EMBEDDED_OWNERS)) {
    const items = embedded[key];
    if (!Array.isArray(items)) continue;
    const owners = await Promise.all(items.map((item: Row) => ownerOf(item, raw, options)));
    // Unknown owner (not named, or a group the producer does not know): left out, like an unknown row.
    kept[key] = items.filter((_item, index) => {
      const owner = owners[index];
      return owner !== undefined && units.has(owner);
    });
  }
  return { ...row, _embedded: kept };
}
