// The sources one request sees under a row scope: the same contract as the raw sources, with every
// row passed through the request's Gate. Resolvers cannot reach around it: they only ever get these.
import type { ListName, ProducerName, ResourceName } from '../../ss12000/resources';
import { Seal } from '../../lib/seal';
import { listPath } from '../shared/list';
import type { Page } from '../../ss12000/wire';
import type { QueryValue } from '../shared/query';
import type { RowScope } from '../shared/row-scope';
import type { ListOptions, LoadOptions, ProducerSource, Sources, WritableName } from '../types';
import type { AliasNamer } from './alias';
import { UpstreamRejectedError } from '../shared/errors';
import { Gate } from './gate';
import { isProtectedRow, personsPlan, servedOffset, servedToken, type PersonsPlan } from './person-filters';

type Row = Record<string, unknown>;

// The lists whose `organisation` filter means the row's owning unit (placements: placedAt, duties:
// dutyAt, calendarEvents and attendances: their activity's). /persons has `relationship.organisation`,
// but that leaves out guardians, who belong where their children do: persons are filtered here.
const BY_ORGANISATION = new Set<ListName>([
  'placements',
  'duties',
  'groups',
  'schoolUnitOfferings',
  'activities',
  'calendarEvents',
  'attendances',
  'grades',
  'absences',
  'rooms',
  'resources',
  'aggregatedAttendance',
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

// Every pageToken handed out is sealed: an HMAC over the list, the query it was issued for and the
// token. The producer's token carries the original filters (the spec: only `limit` goes beside it),
// so an unsealed one could be forged to filter on what the caller may not read (a civic number) or
// moved to other arguments (past the protected-person handling of person-filters.ts). Resuming
// needs the same query, which the caller's arguments give again (and the grant checks again).
const canonical = (query: Readonly<Record<string, QueryValue>>): string =>
  JSON.stringify(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

class PageSeal {
  private readonly sealer: Seal;

  constructor(key: Buffer) {
    this.sealer = new Seal(key);
  }

  seal(name: ListName, query: Readonly<Record<string, QueryValue>>, token: string | null): string | null {
    return token === null ? null : this.sealer.seal(JSON.stringify([name, canonical(query)]), token);
  }

  open(name: ListName, query: Readonly<Record<string, QueryValue>>, sealed: string): string {
    const token = this.sealer.open(JSON.stringify([name, canonical(query)]), sealed);
    if (token === undefined) throw notIssuedFor(name);
    return token;
  }
}

/** As a producer answers a token it did not issue (the resolvers make it BAD_USER_INPUT). */
const notIssuedFor = (name: ListName): UpstreamRejectedError => {
  const { producer, path } = listPath(name);
  return new UpstreamRejectedError(
    producer as ProducerName,
    `GET ${path}`,
    400,
    undefined,
    'the cursor was not issued for these arguments',
  );
};

function scopeSource(raw: ProducerSource, gate: Gate, scope: RowScope, pageSeal: PageSeal): ProducerSource {
  // Persons: where the producer's matching and order on real values cannot be served as they are (person-filters.ts).
  const planFor = (name: ListName, query: Readonly<Record<string, QueryValue>>): PersonsPlan | undefined =>
    name === 'persons' ? personsPlan(query, scope.protectedIdentities) : undefined;

  const served = async (name: ListName, plan: PersonsPlan & { kind: 'materialised' }): Promise<Row[]> => {
    const rows: Row[] = [];
    for await (const page of raw.pages(name, scopedQuery(name, plan.producerQuery, scope, gate.loadOptions))) {
      const candidates = plan.dropProtected ? (page as Row[]).filter((row) => !isProtectedRow(row)) : (page as Row[]);
      for (const row of await gate.rows(name, candidates)) if (plan.matches === undefined || plan.matches(row)) rows.push(row);
    }
    return plan.compare === undefined ? rows : rows.sort(plan.compare);
  };

  // A producer filtering by registeredBy matched on it: under alias, a row whose registeredBy is
  // withheld (a protected person's relative, related-mentions.ts) must not match either.
  const byRegistration =
    (query: Record<string, QueryValue>) =>
    async (rows: Row[]): Promise<Row[]> =>
      scope.protectedIdentities === 'alias' && query['registeredBy'] !== undefined ? gate.withoutWithheldRegistrations(rows) : rows;

  const list = async (name: ListName, query: Record<string, QueryValue>, options: ListOptions = {}): Promise<Page<unknown>> => {
    const token = options.pageToken === undefined ? undefined : pageSeal.open(name, query, options.pageToken);
    const plan = planFor(name, query);
    if (plan?.kind === 'materialised') {
      const offset = token === undefined ? 0 : servedOffset(token);
      if (offset === undefined) throw notIssuedFor(name);
      const all = await served(name, plan);
      const end = offset + (options.limit ?? raw.tuning.pageSize);
      return { data: all.slice(offset, end), pageToken: pageSeal.seal(name, query, end < all.length ? servedToken(end) : null) };
    }
    if (token !== undefined && servedOffset(token) !== undefined) throw notIssuedFor(name);
    let page = await raw.list(name, token === undefined ? scopedQuery(name, query, scope, gate.loadOptions) : {}, {
      limit: options.limit,
      pageToken: token,
    });
    const matching = byRegistration(query);
    let data = await matching(await gate.rows(name, page.data as Row[]));
    // A page with nothing left in it would end a client's paging early: read on to the first page
    // with rows (or the end). The returned token follows the last page read, so cursors stay exact.
    while (data.length === 0 && page.pageToken !== null) {
      page = await raw.list(name, {}, { limit: options.limit, pageToken: page.pageToken });
      data = await matching(await gate.rows(name, page.data as Row[]));
    }
    return { ...page, data, pageToken: pageSeal.seal(name, query, page.pageToken) };
  };

  async function* pages(name: ListName, query: Record<string, QueryValue>, pageSize?: number): AsyncGenerator<unknown[]> {
    const plan = planFor(name, query);
    if (plan?.kind === 'materialised') {
      yield await served(name, plan);
      return;
    }
    const matching = byRegistration(query);
    for await (const page of raw.pages(name, scopedQuery(name, query, scope, gate.loadOptions), pageSize))
      yield await matching(await gate.rows(name, page as Row[]));
  }

  // Loads ask as the Gate's own checks do, so both share one set of loaders and their cache.
  const load = async (name: ResourceName, id: string, options?: LoadOptions): Promise<unknown> =>
    gate.row(
      name,
      (await raw.load(name, id, options === undefined ? gate.loadOptions : { ...options, ...gate.loadOptions })) as Row | null,
    );

  const loadBy = async (name: ResourceName, field: string, key: string): Promise<unknown[]> =>
    gate.rows(name, (await raw.loadBy(name, field, key)) as Row[]);

  return {
    ...raw,
    list,
    pages,
    load,
    loadMany: (name: ResourceName, ids: readonly string[], options?: LoadOptions) => Promise.all(ids.map((id) => load(name, id, options))),
    loadBy,
    // What was written answers as a read of it would: units, protected persons, typed values.
    write: async (name: WritableName, body: Record<string, unknown>) => {
      const written = await raw.write(name, body);
      return { id: written.id, row: await gate.row(name, written.row as Row | null) };
    },
  } as ProducerSource;
}

/** `raw` (this request's unscoped sources) as `scope` lets the caller see them; pageTokens sealed with `pageTokenKey`. */
export function scopeSources(raw: Sources, scope: RowScope, aliasNames: AliasNamer, pageTokenKey: Buffer): Sources {
  const gate = new Gate(raw, scope, aliasNames);
  const seal = new PageSeal(pageTokenKey);
  return {
    register: scopeSource(raw.register, gate, scope, seal),
    schedule: scopeSource(raw.schedule, gate, scope, seal),
    attendance: scopeSource(raw.attendance, gate, scope, seal),
    grades: scopeSource(raw.grades, gate, scope, seal),
  };
}
