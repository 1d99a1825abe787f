// Register's references to its own entities are resolved here, through the request's loaders
// (one POST /X/lookup per level, however many rows point at it).
import type { ResourceName, ResourceTypes } from '../../ss12000/resources';
import type { SubgraphContext } from '../shared/context';

type Ref = { id: string } | undefined | null;

/** The referenced object, or null when absent or unknown to the producer. */
export const loadRef = <R extends ResourceName>(ctx: SubgraphContext, name: R, ref: Ref): Promise<ResourceTypes[R] | null> | null =>
  ref ? ctx.sources.register.load(name, ref.id) : null;

/** The referenced objects in order; references the producer does not know are left out. */
export async function loadRefs<R extends ResourceName>(
  ctx: SubgraphContext,
  name: R,
  refs: readonly { id: string }[] | undefined,
): Promise<ResourceTypes[R][]> {
  if (!refs || refs.length === 0) return [];
  const rows = await ctx.sources.register.loadMany(
    name,
    refs.map((ref) => ref.id),
  );
  return rows.filter((row): row is ResourceTypes[R] => row !== null);
}
