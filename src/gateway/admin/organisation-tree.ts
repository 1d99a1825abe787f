// The organisation tree (huvudman → school units → …) as one caller sees it, read through the graph
// page by page like any other query, so a supplier's tree holds only what that supplier may see.
export interface OrganisationTreeNode {
  id: string;
  displayName: string | null;
  organisationType: string | null;
  schoolUnitCode: string | null;
  children: OrganisationTreeNode[];
}

export type RunQuery = (query: string, variables: Record<string, unknown>) => Promise<{ data?: unknown; errors?: unknown[] }>;

const PAGE = `query ConsoleOrganisationTree($after: String) {
  organisations(first: 500, after: $after) {
    edges { node { id displayName organisationType schoolUnitCode parentOrganisation { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Row {
  id: string;
  displayName: string | null;
  organisationType: string | null;
  schoolUnitCode: string | null;
  parentOrganisation: { id: string } | null;
}

interface Page {
  organisations: { edges: { node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;
}

// A municipality has hundreds of units, not hundreds of thousands: a bound against a cursor loop.
const MAX_PAGES = 100;

/** Roots are organisations whose parent the caller cannot see (or that have none). Errors are passed on. */
export const organisationTree = async (run: RunQuery): Promise<{ roots: OrganisationTreeNode[]; errors: unknown[] }> => {
  const rows: Row[] = [];
  const errors: unknown[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await run(PAGE, { after });
    errors.push(...(result.errors ?? []));
    const organisations = (result.data as Page | null | undefined)?.organisations;
    if (!organisations) break;
    rows.push(...organisations.edges.map((edge) => edge.node));
    if (!organisations.pageInfo.hasNextPage) break;
    after = organisations.pageInfo.endCursor;
  }
  const nodes = new Map<string, OrganisationTreeNode>(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        displayName: row.displayName,
        organisationType: row.organisationType,
        schoolUnitCode: row.schoolUnitCode,
        children: [],
      },
    ]),
  );
  const roots: OrganisationTreeNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id) as OrganisationTreeNode;
    const parent = row.parentOrganisation ? nodes.get(row.parentOrganisation.id) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: OrganisationTreeNode, b: OrganisationTreeNode) => (a.displayName ?? '').localeCompare(b.displayName ?? '', 'sv');
  for (const node of nodes.values()) node.children.sort(byName);
  return { roots: roots.sort(byName), errors };
};
