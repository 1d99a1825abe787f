// The row scope applied to rows as they come from a producer: rows of other units and hidden
// persons are taken out, protected persons aliased. One Gate per request (its checks are cached).
import type { ListName } from '../../ss12000/resources';
import type { RowScope } from '../shared/row-scope';
import type { Sources } from '../types';
import type { AliasNamer } from './alias';
import { embeddedInside } from './embedded-owners';
import { OWNERS } from './owners';
import { PersonChecks } from './person-checks';
import { redact, sightings, type PersonVerdicts } from './person-refs';

type Row = Record<string, unknown>;

export class Gate {
  private readonly persons: PersonChecks;

  constructor(
    private readonly raw: Sources,
    private readonly scope: RowScope,
    private readonly aliasNames: AliasNamer,
  ) {
    this.persons = new PersonChecks(raw, scope.units);
  }

  /** `rows` as the caller may see them, in order, without the ones it may not. */
  async rows<T>(name: ListName, rows: readonly T[]): Promise<T[]> {
    const seen = await Promise.all(rows.map((row) => this.row(name, row as Row)));
    return seen.filter((row): row is Row => row !== null) as T[];
  }

  async row<T extends Row>(name: ListName, fetched: T | null): Promise<T | null> {
    if (fetched === null || !(await this.ownedInside(name, fetched))) return null;
    const { units } = this.scope;
    const row = units === 'all' ? fetched : await embeddedInside(fetched, units, this.raw);
    const found = sightings(row);
    if (found.length === 0) return row;
    const protectedIds = new Set<string>();
    const outside = new Set<string>();
    await Promise.all(
      found.map(async ({ id, marking, subject }) => {
        const [isProtected, inside] = await Promise.all([this.persons.isProtected(id, marking), subject ? this.persons.inUnits(id) : true]);
        if (isProtected) protectedIds.add(id);
        if (!inside) outside.add(id);
      }),
    );
    // Most rows name nobody protected or outside: served as they are, no copy.
    if (protectedIds.size === 0 && outside.size === 0) return row;
    const exclude = this.scope.protectedIdentities === 'exclude';
    const verdicts: PersonVerdicts = {
      hidden: (id, subject) => (exclude && protectedIds.has(id)) || (subject && outside.has(id)),
      alias: (id) => (protectedIds.has(id) ? this.aliasNames(id) : undefined),
    };
    return redact(row, verdicts);
  }

  private async ownedInside(name: ListName, row: Row): Promise<boolean> {
    const { units } = this.scope;
    const ownerOf = OWNERS[name];
    if (units === 'all' || ownerOf === undefined) return true;
    const owner = await ownerOf(row, this.raw);
    return owner === undefined || units.has(owner);
  }
}
