// The row scope applied to rows as they come from a producer: rows of other units and hidden
// persons are taken out, protected persons aliased. One Gate per request (its checks are cached).
import { RESOURCES, type ListName, type ResourceName } from '../../ss12000/resources';
import type { RowScope } from '../shared/row-scope';
import type { LoadOptions, Sources } from '../types';
import type { AliasNamer } from './alias';
import { embeddedInside } from './embedded-owners';
import { OWNERS } from './owners';
import { PersonChecks } from './person-checks';
import { loadOptionsFor } from './with-names';
import { entitySightings, redact, sightings, type EntitySighting, type PersonVerdicts } from './person-refs';

type Row = Record<string, unknown>;

/** Collections whose rows are about one person (hidden with that person under exclude). */
const PERSON_ROWS = new Set<ResourceName>(['duties', 'placements']);

export class Gate {
  private readonly persons: PersonChecks;
  private readonly visibility = new Map<string, Promise<boolean>>();
  /** How every load of this request asks (see with-names.ts). */
  readonly loadOptions: LoadOptions;

  constructor(
    private readonly raw: Sources,
    private readonly scope: RowScope,
    private readonly aliasNames: AliasNamer,
  ) {
    this.loadOptions = loadOptionsFor(scope);
    this.persons = new PersonChecks(raw, scope.units, this.loadOptions);
  }

  /** `rows` as the caller may see them, in order, without the ones it may not. */
  async rows<T>(name: ListName, rows: readonly T[]): Promise<T[]> {
    const seen = await Promise.all(rows.map((row) => this.row(name, row as Row)));
    return seen.filter((row): row is Row => row !== null) as T[];
  }

  async row<T extends Row>(name: ListName, fetched: T | null): Promise<T | null> {
    if (fetched === null || !(await this.ownedInside(name, fetched))) return null;
    const { units } = this.scope;
    const row = units === 'all' ? fetched : await embeddedInside(fetched, units, this.raw, this.loadOptions);
    const found = sightings(row);
    const pointsAt = this.entityChecks(row);
    if (found.length === 0 && pointsAt.length === 0) return row;
    const exclude = this.scope.protectedIdentities === 'exclude';
    const protectedIds = new Set<string>();
    const outside = new Set<string>();
    const hiddenRows = new Set<string>();
    await Promise.all([
      ...found.map(async ({ id, marking, subject, named }) => {
        // Under alias a reference without a name has nothing to alias: its marking is not needed.
        const marked = exclude || named ? this.persons.isProtected(id, marking) : false;
        const [isProtected, inside] = await Promise.all([marked, subject ? this.persons.inUnits(id) : true]);
        if (isProtected) protectedIds.add(id);
        if (!inside) outside.add(id);
      }),
      ...pointsAt.map(async ({ collection, id }) => {
        if (!(await this.visible(collection, id))) hiddenRows.add(`${collection}/${id}`);
      }),
    ]);
    // Most rows name nobody protected or outside: served as they are, no copy.
    if (protectedIds.size === 0 && outside.size === 0 && hiddenRows.size === 0) return row;
    const verdicts: PersonVerdicts = {
      hidden: (id, subject) => (exclude && protectedIds.has(id)) || (subject && outside.has(id)),
      alias: (id) => (protectedIds.has(id) ? this.aliasNames(id) : undefined),
      hiddenRow: (collection, id) => hiddenRows.has(`${collection}/${id}`),
    };
    return redact(row, verdicts);
  }

  /**
   * The rows `row` points at that may be hidden. With every unit only rows about a person can be
   * (duties, placements of excluded persons), and under alias none: other references cost nothing.
   */
  private entityChecks(row: Row): EntitySighting[] {
    const { units, protectedIdentities } = this.scope;
    if (units !== 'all') return entitySightings(row);
    if (protectedIdentities === 'alias') return [];
    return entitySightings(row).filter(({ collection }) => PERSON_ROWS.has(collection));
  }

  /** Whether the caller may see the row `collection/id` (a row the producer does not know hides nothing: the reference resolves to null anyway). */
  private visible(collection: ResourceName, id: string): Promise<boolean> {
    const key = `${collection}/${id}`;
    let answer = this.visibility.get(key);
    if (answer === undefined) {
      // The spec's references have no cycles (duty → group, calendarEvent → activity → groups), so this recursion ends.
      answer = (async () => {
        const target = (await this.raw[RESOURCES[collection].producer].load(collection, id, this.loadOptions)) as Row | null;
        return target === null || (await this.row(collection, target)) !== null;
      })();
      this.visibility.set(key, answer);
    }
    return answer;
  }

  private async ownedInside(name: ListName, row: Row): Promise<boolean> {
    const { units } = this.scope;
    const ownerOf = OWNERS[name];
    if (units === 'all' || ownerOf === undefined) return true;
    const owner = await ownerOf(row, this.raw, this.loadOptions);
    return owner === undefined || units.has(owner);
  }
}
