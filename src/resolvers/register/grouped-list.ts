// Reverse links SS 12000 offers only as a list filter that takes several ids (/groups?organisation=a&organisation=b,
// /organisations?parent=…). One loader per request and filter set (from the project's one loader factory,
// sources/shared/loader-factory.ts) turns N parents into one list walk per MAX_IDS_PER_LIST parents. The walk
// goes through the request's (scoped) source, so the caller's row scope applies as to any list.
import { getOrCompute } from '../../lib/get-or-compute';
import type { ProducerSource, QueryValue } from '../../sources';
import { RequestLoaders } from '../../sources/shared/loader-factory';
import type { ResourceName, ResourceTypes } from '../../ss12000/resources';

// Ids travel in the query string: keep URLs well under common 8 KB limits.
const MAX_IDS_PER_LIST = 100;

// Keyed by the request's source, so loaders live exactly as long as the request.
const loadersBySource = new WeakMap<ProducerSource, RequestLoaders>();

export interface GroupedList<R extends ResourceName> {
  source: ProducerSource;
  name: R;
  /** The list parameter that takes the parent ids, e.g. 'organisation'. */
  param: string;
  /** The parent ids a row belongs to. */
  parentsOf: (row: ResourceTypes[R]) => readonly (string | undefined)[];
  /** Further filters, the same for every parent in the batch. */
  filters?: Record<string, QueryValue>;
}

/** Every row of `name` whose parent is `parentId`, batched with the other parents asked for in the same tick. */
export function loadGroupedList<R extends ResourceName>(spec: GroupedList<R>, parentId: string): Promise<ResourceTypes[R][]> {
  const filters = spec.filters ?? {};
  const signature = `${spec.name}?${spec.param}&${JSON.stringify(Object.entries(filters).filter(([, v]) => v !== undefined))}`;
  const loaders = getOrCompute(loadersBySource, spec.source, () => new RequestLoaders(MAX_IDS_PER_LIST));
  const loader = loaders.get<ResourceTypes[R][]>(signature, () => async (parentIds) => {
    const byParent = new Map<string, ResourceTypes[R][]>(parentIds.map((id) => [id, []]));
    for await (const rows of spec.source.pages(spec.name, { ...filters, [spec.param]: parentIds })) {
      // Each row to the parents it names itself, never by position.
      for (const row of rows) {
        for (const parent of new Set(spec.parentsOf(row))) if (parent !== undefined) byParent.get(parent)?.push(row);
      }
    }
    return parentIds.map((id) => byParent.get(id) ?? []);
  });
  return loader.load(parentId);
}
