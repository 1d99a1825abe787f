// The row scope applied to rows as they come from a producer: rows of other units and hidden
// persons are taken out, protected persons aliased. One Gate per request (its checks are cached).
import { RESOURCES, type ListName, type ResourceName } from '../../ss12000/resources';
import type { RowScope } from '../shared/row-scope';
import type { LoadOptions, Sources } from '../types';
import type { AliasName, AliasNamer } from './alias';
import { embeddedInside } from './embedded-owners';
import { OWNERS } from './owners';
import { PersonChecks } from './person-checks';
import { holdsPersons, Relations } from './relations';
import { narrowed, narrowValues } from './typed-values';
import { isPromise, whenKnown, type Maybe } from './maybe';
import { loadOptionsFor } from './with-names';
import { entitySightings, redact, sightings, type EntitySighting, type PersonSighting, type PersonVerdicts } from './person-refs';
import { relatedMentions, withRegistrationsChecked } from './related-mentions';

type Row = Record<string, unknown>;

/** Collections whose rows are about one person (hidden with that person under exclude). */
const PERSON_ROWS = new Set<ResourceName>(['duties', 'placements']);

export class Gate {
  private readonly persons: PersonChecks;
  private readonly visibility = new Map<string, Promise<boolean>>();
  private readonly aliases = new Map<string, AliasName>();
  private readonly relations: Relations;
  /** Served rows with a registeredBy: whether it is withheld (asked for lists filtered by registeredBy). */
  private readonly registrationChecks = new WeakMap<object, () => Promise<boolean>>();
  /** The typed Person attributes (e-mails, phones, addresses) the presets open only in part. */
  private readonly narrowedValues: [string, ReadonlySet<string>][];
  /** How every load of this request asks (see with-names.ts). */
  readonly loadOptions: LoadOptions;

  constructor(
    private readonly raw: Sources,
    private readonly scope: RowScope,
    private readonly aliasNames: AliasNamer,
  ) {
    this.loadOptions = loadOptionsFor(scope);
    this.persons = new PersonChecks(raw, scope.units, this.loadOptions);
    this.relations = new Relations(this.persons, scope);
    this.narrowedValues = narrowed(scope.valueTypes);
  }

  /** `rows` as the caller may see them, in order, without the ones it may not. */
  rows<T>(name: ListName, rows: readonly T[]): Maybe<T[]> {
    let waiting = false;
    const seen = rows.map((row) => {
      const out = this.row(name, row as Row);
      waiting ||= isPromise(out);
      return out;
    });
    const kept = (all: readonly (Row | null)[]): T[] => all.filter((row): row is Row => row !== null) as T[];
    return waiting ? Promise.all(seen).then(kept) : kept(seen as (Row | null)[]);
  }

  row<T extends Row>(name: ListName, fetched: T | null): Maybe<T | null> {
    if (fetched === null) return null;
    return whenKnown(this.ownedInside(name, fetched), (owned) => {
      if (!owned) return null;
      const { units } = this.scope;
      const checked =
        units === 'all'
          ? this.personsChecked(fetched)
          : embeddedInside(fetched, units, this.raw, this.loadOptions).then((row) => this.personsChecked(row));
      return whenKnown(checked, (row) =>
        row === null
          ? null
          : whenKnown(this.personValues(fetched, row), (served) => {
              // The registration check follows the row into any copy relations.ts makes of it.
              const check = this.registrationChecks.get(row);
              if (check !== undefined && served !== row) this.registrationChecks.set(served, check);
              return served;
            }),
      );
    });
  }

  /** Typed attributes narrowed to the open types (typed-values.ts), then relations to protected persons withheld (relations.ts). */
  private personValues<T extends Row>(fetched: T, row: T): Maybe<T> {
    if (!holdsPersons(fetched)) return row;
    return this.relations.apply(fetched, this.narrowedValues.length === 0 ? row : narrowValues(row, this.narrowedValues));
  }

  /** `row` with the persons and rows it names that the caller may not see taken out (null: the row itself goes). */
  private personsChecked<T extends Row>(row: T): Maybe<T | null> {
    const found = sightings(row);
    const pointsAt = this.entityChecks(row);
    if (found.length === 0 && pointsAt.length === 0) return row;
    const exclude = this.scope.protectedIdentities === 'exclude';
    // Sets only for rows that turn out to name someone: most name nobody protected or outside.
    let protectedIds: Set<string> | undefined;
    let outside: Set<string> | undefined;
    let hiddenRows: Set<string> | undefined;
    // Answers the row itself gives (its marking, a caller of every unit) are taken now; only lookups wait.
    const waits: Promise<unknown>[] = [];
    const note = (answer: Maybe<boolean>, record: (yes: boolean) => void): void => {
      if (isPromise(answer)) waits.push(answer.then(record));
      else record(answer);
    };
    for (const { id, marking, subject, named } of found) {
      // Under alias a reference without a name has nothing to alias: its marking is not needed.
      if (exclude || named) note(this.persons.isProtected(id, marking), (yes) => yes && (protectedIds ??= new Set()).add(id));
      if (subject) note(this.persons.inUnits(id), (yes) => yes || (outside ??= new Set()).add(id));
    }
    for (const { collection, id } of pointsAt)
      note(this.visible(collection, id), (yes) => yes || (hiddenRows ??= new Set()).add(`${collection}/${id}`));
    const registrations = exclude ? [] : found.filter((sighting) => sighting.registration);
    const decide = (): T | null => {
      const redacted = this.redacted(row, exclude, protectedIds, outside, hiddenRows);
      if (redacted === null || registrations.length === 0) return redacted;
      let withheld: Promise<ReadonlySet<string>> | undefined;
      const check = (): Promise<ReadonlySet<string>> => (withheld ??= this.relatedMentions(row, found, registrations));
      const served = withRegistrationsChecked(redacted, check);
      this.registrationChecks.set(served, () => check().then((ids) => registrations.some(({ id }) => ids.has(id))));
      return served;
    };
    return waits.length === 0 ? decide() : Promise.all(waits).then(decide);
  }

  /**
   * Under alias, `rows` without those whose registeredBy is withheld (related-mentions.ts): for a list
   * the producer filtered by registeredBy, whose match on a withheld value must not show.
   */
  async withoutWithheldRegistrations<T>(rows: readonly T[]): Promise<T[]> {
    const withheld = await Promise.all(rows.map((row) => this.registrationChecks.get(row as object)?.() ?? false));
    return rows.filter((_row, index) => !withheld[index]);
  }

  /** `row` with what the verdicts take out taken out; as it is when nobody protected, outside or hidden is named. */
  private redacted<T extends Row>(
    row: T,
    exclude: boolean,
    protectedIds: Set<string> | undefined,
    outside: Set<string> | undefined,
    hiddenRows: Set<string> | undefined,
  ): T | null {
    // Most rows name nobody protected or outside: served as they are, no copy.
    if (protectedIds === undefined && outside === undefined && hiddenRows === undefined) return row;
    const verdicts: PersonVerdicts = {
      hidden: (id, subject) => (exclude && protectedIds?.has(id) === true) || (subject && outside?.has(id) === true),
      alias: (id) => (protectedIds?.has(id) ? this.aliasOf(id) : undefined),
      hiddenRow: (collection, id) => hiddenRows?.has(`${collection}/${id}`) === true,
    };
    return redact(row, verdicts);
  }

  /**
   * Under alias, the mentions of `row` that are relatives of one of its subjects where either is
   * protected (related-mentions.ts). A vistelseschema's subject is its placement's child.
   */
  private async relatedMentions(row: Row, found: readonly PersonSighting[], mentions: readonly PersonSighting[]): Promise<Set<string>> {
    const subjects = found.filter((sighting) => sighting.subject);
    const placements = entitySightings(row).filter(({ collection }) => collection === 'placements');
    const children = await Promise.all(
      placements.map(async ({ id }) => {
        const placement = (await this.raw[RESOURCES.placements.producer].load('placements', id, this.loadOptions)) as Row | null;
        const child = placement?.child as { id?: unknown; securityMarking?: unknown } | undefined;
        return typeof child?.id === 'string'
          ? [{ id: child.id, marking: typeof child.securityMarking === 'string' ? child.securityMarking : null }]
          : [];
      }),
    );
    return relatedMentions(this.persons, [...subjects, ...children.flat()], mentions);
  }

  /** A protected person's alias, an HMAC: worked out once per request, however many rows name them. */
  private aliasOf(id: string): AliasName {
    let alias = this.aliases.get(id);
    if (alias === undefined) {
      alias = this.aliasNames(id);
      this.aliases.set(id, alias);
    }
    return alias;
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

  private ownedInside(name: ListName, row: Row): Maybe<boolean> {
    const { units } = this.scope;
    const ownerOf = OWNERS[name];
    if (units === 'all' || ownerOf === undefined) return true;
    return whenKnown(ownerOf(row, this.raw, this.loadOptions), (owner) => owner === undefined || units.has(owner));
  }
}
