// The organisation tree as unit permissions need it (src/auth `expandUnits`): read once at start,
// and whenever the suppliers' config is reloaded, to turn `{ schoolUnitCode }` entries into
// organisation ids and expand every unit to its sub-units.
import type { SourceClients } from '../types';
import { UNRESTRICTED } from '../shared/row-scope';

/** Structurally auth's OrganisationNode (the sources do not depend on auth). */
export interface OrganisationTreeNode {
  readonly id: string;
  readonly parentId?: string | undefined;
  readonly schoolUnitCode?: string | undefined;
}

/** Every organisation the register producer holds, as tree nodes (all pages of GET /organisations). */
export async function fetchOrganisationTree(clients: SourceClients): Promise<OrganisationTreeNode[]> {
  const nodes: OrganisationTreeNode[] = [];
  // Internal read: the tree itself is not supplier data, and a scope would need the tree first.
  for await (const page of clients.forRequest(UNRESTRICTED).register.pages('organisations', {})) {
    for (const organisation of page) {
      nodes.push({ id: organisation.id, parentId: organisation.parentOrganisation?.id, schoolUnitCode: organisation.schoolUnitCode });
    }
  }
  return nodes;
}
