// Relations between persons under the row scope (issue 10, item 4; the rule is worded in
// src/auth/presets.ts and README.md beside this file):
// - under `alias`, a relation between a protected person and another person is withheld from both
//   ends: `responsibles` / `_embedded.responsibleFor` entries, a placement's `owners` (all of them
//   when the child is protected), a guardian's `_embedded.ownedPlacements` of a protected child;
// - in both modes, when the supplier may read addresses, a person related to a protected person
//   (a responsible, a child, a sibling sharing a responsible) is served without `addresses`.
//
// Cost. Markings come from the request's loaders (batched, cached). A person's `responsibles`,
// `_embedded.responsibleFor` and `addresses` are checked only when a query reads them: the field
// holds a lazy thenable, which GraphQL awaits like a promise, so a query that does not ask for them
// costs no lookup (and one that asks for guardians loads the guardians it was about to load
// anyway). Placements (rare, and resolved synchronously) are checked as they are fetched.
import type { RowScope } from '../shared/row-scope';
import { isPromise, type Maybe } from './maybe';
import type { PersonChecks } from './person-checks';
import { isFullPerson } from './person-refs';

type Json = Record<string, unknown>;
type Ref = { readonly id: string; readonly marking: string | null };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const refId = (value: unknown): string | undefined => (isObject(value) && typeof value.id === 'string' ? value.id : undefined);
const refOf = (value: unknown): Ref | undefined => {
  const id = refId(value);
  return id === undefined
    ? undefined
    : { id, marking: isObject(value) && typeof value.securityMarking === 'string' ? value.securityMarking : null };
};
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** The person an entry of `responsibles` / `responsibleFor` names. */
const entryPerson = (entry: unknown): Ref | undefined => refOf(isObject(entry) ? entry.person : undefined);
const entryPersons = (entries: unknown): Ref[] => array(entries).flatMap((entry) => entryPerson(entry) ?? []);
/** A full person's own marking; none stated counts as protected (fails closed, as in person-refs). */
const selfProtected = (person: Json): boolean => person.securityMarking !== 'Ingen';

/**
 * A value worked out on first read. GraphQL awaits it as it would a promise; JSON leaves it out
 * (toJSON), so a row serialised without the check carries none of it (fails closed).
 */
export const lazy = <T>(compute: () => Promise<T>): PromiseLike<T> & { toJSON(): undefined } => {
  let started: Promise<T> | undefined;
  return {
    then: (onFulfilled, onRejected) => (started ??= compute()).then(onFulfilled, onRejected),
    toJSON: () => undefined,
  };
};

/** The persons placements in `node` relate (children and owners), at any depth. */
function placementRefs(node: unknown, found: Map<string, Ref>): void {
  if (Array.isArray(node)) {
    for (const item of node) placementRefs(item, found);
    return;
  }
  if (!isObject(node)) return;
  if (Array.isArray(node.owners)) {
    for (const ref of [...node.owners.map(refOf), refOf(node.child)]) if (ref !== undefined && !found.has(ref.id)) found.set(ref.id, ref);
  }
  for (const key in node) {
    const child = node[key];
    if (typeof child === 'object' && child !== null) placementRefs(child, found);
  }
}

/** Every unprotected full person in `node` (the producer's row): id → the responsibles the producer gave. */
function fullPersons(node: unknown, found: Map<string, Ref[]>): void {
  if (Array.isArray(node)) {
    for (const item of node) fullPersons(item, found);
    return;
  }
  if (!isObject(node)) return;
  const id = refId(node);
  if (id !== undefined && isFullPerson(node) && !selfProtected(node)) found.set(id, entryPersons(node.responsibles));
  for (const key in node) {
    const child = node[key];
    if (typeof child === 'object' && child !== null) fullPersons(child, found);
  }
}

export class Relations {
  private readonly households = new Map<string, Promise<boolean>>();
  private readonly alias: boolean;
  private readonly addresses: boolean;

  constructor(
    private readonly persons: PersonChecks,
    scope: RowScope,
  ) {
    this.alias = scope.protectedIdentities === 'alias';
    const types = scope.valueTypes?.addresses;
    // No value types (the sources' own tests): addresses are served, so they are checked.
    this.addresses = types === undefined || types === 'all' || types.size > 0;
  }

  /**
   * `row` (already scoped) with the relations withheld. `fetched` is the row as the producer sent it:
   * a household is judged on every responsible, also one the scope has taken out of `row`.
   */
  apply<T>(fetched: unknown, row: T): Maybe<T> {
    // The Gate calls this only for rows that hold a person (holdsPersons): no second walk to ask again.
    if (!this.alias && !this.addresses) return row;
    const placed = new Map<string, Ref>();
    if (this.alias) placementRefs(fetched, placed);
    const people = new Map<string, Ref[]>();
    fullPersons(fetched, people);
    if (placed.size === 0 && people.size === 0 && !this.alias) return row;

    const protectedIds = new Set<string>();
    const waits: Promise<unknown>[] = [];
    for (const ref of placed.values()) {
      const answer = this.persons.isProtected(ref.id, ref.marking);
      if (isPromise(answer)) waits.push(answer.then((yes) => yes && protectedIds.add(ref.id)));
      else if (answer) protectedIds.add(ref.id);
    }
    const checks: PersonRules = {
      alias: this.alias,
      placementProtected: (id) => protectedIds.has(id),
      entriesOf: (entries) =>
        lazy(async () => {
          const named = await this.protectedAmong(entryPersons(entries));
          return array(entries).filter((entry) => !named.has(entryPerson(entry)?.id ?? ''));
        }),
      addressesOf: (id, addresses) => {
        const responsibles = people.get(id);
        if (!this.addresses || responsibles === undefined) return addresses;
        return lazy(() => this.household(id, responsibles).then((related) => (related ? null : addresses)));
      },
    };
    const decide = (): T => withheld(row, checks);
    return waits.length === 0 ? decide() : Promise.all(waits).then(decide);
  }

  /** The ids among `refs` that are protected. */
  private async protectedAmong(refs: readonly Ref[]): Promise<Set<string>> {
    const answers = await Promise.all(refs.map((ref) => this.persons.isProtected(ref.id, ref.marking)));
    return new Set(refs.filter((_ref, index) => answers[index]).map((ref) => ref.id));
  }

  /** Whether a responsible, a child or a sibling (a child of a responsible) of the person is protected. */
  private household(id: string, responsibles: readonly Ref[]): Promise<boolean> {
    let answer = this.households.get(id);
    if (answer === undefined) {
      answer = (async () => {
        const [children, siblings] = await Promise.all([
          this.persons.childrenOf(id),
          Promise.all(responsibles.map((guardian) => this.persons.childrenOf(guardian.id))).then((all) => all.flat()),
        ]);
        return (await this.protectedAmong([...responsibles, ...children, ...siblings].filter((person) => person.id !== id))).size > 0;
      })();
      this.households.set(id, answer);
    }
    return answer;
  }
}

/**
 * Whether `node` holds a full person or a placement (an object with `owners`) anywhere: the only
 * rows relations and typed values can change. One walk, no allocation; most rows (attendance,
 * calendar events, summaries' aggregated rows) hold neither and go on untouched.
 */
export const holdsPersons = (node: unknown): boolean => {
  if (Array.isArray(node)) return node.some(holdsPersons);
  if (!isObject(node)) return false;
  if (isFullPerson(node) || Array.isArray(node.owners)) return true;
  for (const key in node) {
    const child = node[key];
    if (typeof child === 'object' && child !== null && holdsPersons(child)) return true;
  }
  return false;
};

interface PersonRules {
  readonly alias: boolean;
  /** Whether a person a placement names is protected (asked before the row is served). */
  placementProtected(id: string): boolean;
  /** `responsibles` / `responsibleFor` entries of an unprotected person, without those naming a protected person (lazy). */
  entriesOf(entries: unknown[]): unknown;
  /** A person's addresses, behind the household check when it applies (lazy). */
  addressesOf(id: string, addresses: unknown[]): unknown;
}

/** `row` with the relations to protected persons taken out (lazily where GraphQL reads them). */
function withheld<T>(row: T, rules: PersonRules): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: Json = { ...node };
    const lazyKeys = new Set<string>();
    if (isFullPerson(node)) {
      const id = refId(node);
      const self = selfProtected(node);
      if (id !== undefined && Array.isArray(node.addresses)) {
        out.addresses = rules.addressesOf(id, node.addresses);
        lazyKeys.add('addresses');
      }
      if (rules.alias && Array.isArray(node.responsibles)) {
        if (self) delete out.responsibles;
        else out.responsibles = rules.entriesOf(node.responsibles);
        lazyKeys.add('responsibles');
      }
      const embedded = node._embedded;
      if (rules.alias && isObject(embedded)) {
        const kept: Json = { ...embedded };
        if (Array.isArray(embedded.responsibleFor)) kept.responsibleFor = self ? [] : rules.entriesOf(embedded.responsibleFor);
        if (Array.isArray(embedded.ownedPlacements)) {
          kept.ownedPlacements = self
            ? []
            : embedded.ownedPlacements.filter(
                (placement) => !rules.placementProtected(refId(isObject(placement) ? placement.child : undefined) ?? ''),
              );
        }
        out._embedded = walkEmbedded(kept, walk);
        lazyKeys.add('_embedded');
      }
    }
    if (rules.alias && Array.isArray(node.owners)) {
      const childProtected = rules.placementProtected(refId(node.child) ?? '');
      const owners = (list: unknown[]): unknown[] =>
        childProtected ? [] : list.filter((owner) => !rules.placementProtected(refId(owner) ?? ''));
      out.owners = owners(node.owners);
      const embedded = out._embedded;
      if (isObject(embedded) && Array.isArray(embedded.owners)) out._embedded = { ...embedded, owners: owners(embedded.owners) };
    }
    for (const key in out) {
      const child = out[key];
      if (!lazyKeys.has(key) && typeof child === 'object' && child !== null) out[key] = walk(child);
    }
    return out;
  };
  return walk(row) as T;
}

/** An `_embedded` object's values walked, except a lazy `responsibleFor`. */
const walkEmbedded = (embedded: Json, walk: (node: unknown) => unknown): Json => {
  const out: Json = {};
  for (const [key, value] of Object.entries(embedded))
    out[key] = key === 'responsibleFor' || typeof value !== 'object' || value === null ? value : walk(value);
  return out;
};
