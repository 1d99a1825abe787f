// The sources one request sees under a row scope: the same contract as the raw sources, with every
// row passed through the request's Gate. Resolvers cannot reach around it: they only ever get these.
import type { ListName, ResourceName } from '../../ss12000/resources';
import type { Page } from '../../ss12000/wire';
import type { QueryValue } from '../shared/query';
import type { RowScope } from '../shared/row-scope';
import type { ListOptions, LoadOptions, ProducerSource, Sources } from '../types';
import type { AliasNamer } from './alias';
import { Gate } from './gate';

type Row = Record<string, unknown>;

// The lists whose `organisation` filter means the row's owning unit (placements: placedAt, duties:
// dutyAt, calendarEvents and attendances: their activity's). /persons has `relationship.organisation`,
// but that leaves out guardians, who belong where their children do: persons are filtered here.
const BY_ORGANISATION = new Set<ListName>([
  'placements', 'duties', 'groups', 'schoolUnitOfferings', 'activities', 'calendarEvents',
  'attendances', 'grades', 'absences', 'rooms', 'resources', 'aggregatedAttendance',
]);

/**
 * The query as sent under the scope: with reference names where the scope asks for them (see
 * with-names.ts), and a caller of one unit has the producer filter by it (the
 * filter takes one id; several units are filtered here). The Gate still checks every row.
 */
function scopedQuery(name: ListName, query: Record<string, QueryValue>, scope: RowScope, options: LoadOptions): Record<string, QueryValue> {
  const named = options.referenceNames === true && query.expandReferenceNames === undefined;
  const sent: Record<string, QueryValue> = named ? { ...query, expandReferenceNames: true } : { ...query };
  if (scope.units !== 'all' && scope.units.size === 1 && BY_ORGANISATION.has(name) && query.organisation === undefined) {
    sent.organisation = [...scope.units][0] as string;
  }
  return sent;
}

function scopeSource(raw: ProducerSource, gate: Gate, scope: RowScope): ProducerSource {
  const list = async (name: ListName, query: Record<string, QueryValue>, options: ListOptions = {}): Promise<Page<unknown>> => {
    let page = await raw.list(name, options.pageToken === undefined ? scopedQuery(name, query, scope, gate.loadOptions) : query, options);
    let data = await gate.rows(name, page.data as Row[]);
    // A page with nothing left in it would end a client's paging early: read on to the first page
    // with rows (or the end). The returned token follows the last page read, so cursors stay exact.
    while (data.length === 0 && page.pageToken !== null) {
      page = await raw.list(name, {}, { limit: options.limit, pageToken: page.pageToken });
      data = await gate.rows(name, page.data as Row[]);
    }
    return { ...page, data };
  };

  async function* pages(name: ListName, query: Record<string, QueryValue>, pageSize?: number): AsyncGenerator<unknown[]> {
    for await (const page of raw.pages(name, scopedQuery(name, query, scope, gate.loadOptions), pageSize)) yield await gate.rows(name, page as Row[]);
  }

  // Loads ask as the Gate's own checks do, so both share one set of loaders and their cache.
  const load = async (name: ResourceName, id: string, options?: LoadOptions): Promise<unknown> =>
    gate.row(name, (await raw.load(name, id, options === undefined ? gate.loadOptions : { ...options, ...gate.loadOptions })) as Row | null);

  const loadBy = async (name: ResourceName, field: string, key: string): Promise<unknown[]> =>
    gate.rows(name, (await raw.loadBy(name, field, key)) as Row[]);

  return {
    ...raw,
    list,
    pages,
    load,
    loadMany: (name: ResourceName, ids: readonly string[], options?: LoadOptions) => Promise.all(ids.map((id) => load(name, id, options))),
    loadBy,
  } as ProducerSource;
}

/** `raw` (this request's unscoped sources) as `scope` lets the caller see them. */
export function scopeSources(raw: Sources, scope: RowScope, aliasNames: AliasNamer): Sources {
  const gate = new Gate(raw, scope, aliasNames);
  return {
    register: scopeSource(raw.register, gate, scope),
    schedule: scopeSource(raw.schedule, gate, scope),
    attendance: scopeSource(raw.attendance, gate, scope),
    grades: scopeSource(raw.grades, gate, scope),
  };
}
