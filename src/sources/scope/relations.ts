// Relations between persons under the row scope (issue 10, item 4; the rule is worded in
// src/auth/presets.ts and README.md beside this file):
// - under `alias`, a relation between a protected person and another person is withheld from both
//   ends: `responsibles` / `_embedded.responsibleFor` entries, a placement's `owners` (all of them
//   when the child is protected), a guardian's `_embedded.ownedPlacements` of a protected child;
// - in both modes, when the supplier may read addresses, a person related to a protected person
//   (a responsible, a child, a sibling sharing a responsible) is served without `addresses`.
// Markings come from the request's loaders (batched, cached): a row naming nobody related costs
// nothing, and the guardians a query is about to load anyway are the ones asked. The household
// check behind `addresses` runs only when a query reads them: the field holds a lazy thenable, which
// GraphQL awaits like a promise (a query without addresses pays no lookup for it).
import type { RowScope } from '../shared/row-scope';
import { isPromise, type Maybe } from './maybe';
import type { PersonChecks } from './person-checks';
import { isFullPerson } from './person-refs';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const refId = (value: unknown): string | undefined => (isObject(value) && typeof value.id === 'string' ? value.id : undefined);
const markingOf = (value: unknown): string | null => (isObject(value) && typeof value.securityMarking === 'string' ? value.securityMarking : null);
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A full person's own marking; none stated counts as protected (fails closed, as in person-refs). */
const selfProtected = (person: Json): boolean => person.securityMarking !== 'Ingen';

/** The ids (with a marking where the row states one) of persons `node` relates to another person. */
function relationRefs(node: unknown, found: Map<string, string | null>): void {
  if (Array.isArray(node)) {
    for (const item of node) relationRefs(item, found);
    return;
  }
  if (!isObject(node)) return;
  const note = (ref: unknown): void => {
    const id = refId(ref);
    if (id !== undefined && !found.has(id)) found.set(id, markingOf(ref));
  };
  for (const entry of array(node.responsibles)) note(isObject(entry) ? entry.person : undefined);
  for (const entry of array(node.responsibleFor)) note(isObject(entry) ? entry.person : undefined);
  if (Array.isArray(node.owners)) {
    node.owners.forEach(note);
    note(node.child);
  }
  for (const key in node) {
    const child = node[key];
    if (typeof child === 'object' && child !== null) relationRefs(child, found);
  }
}

/** Every full person in `node` with addresses to serve: id → the responsibles the producer gave. */
function addressHolders(node: unknown, found: Map<string, string[]>): void {
  if (Array.isArray(node)) {
    for (const item of node) addressHolders(item, found);
    return;
  }
  if (!isObject(node)) return;
  const id = refId(node);
  if (id !== undefined && isFullPerson(node) && !selfProtected(node) && array(node.addresses).length > 0) {
    found.set(id, array(node.responsibles).flatMap((entry) => (isObject(entry) && refId(entry.person) !== undefined ? [refId(entry.person) as string] : [])));
  }
  for (const key in node) {
    const child = node[key];
    if (typeof child === 'object' && child !== null) addressHolders(child, found);
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
    const refs = new Map<string, string | null>();
    if (this.alias) relationRefs(fetched, refs);
    const holders = new Map<string, string[]>();
    if (this.addresses) addressHolders(fetched, holders);
    if (refs.size === 0 && holders.size === 0) return row;

    const protectedIds = new Set<string>();
    const waits: Promise<unknown>[] = [];
    for (const [id, marking] of refs) {
      const answer = this.persons.isProtected(id, marking);
      if (isPromise(answer)) waits.push(answer.then((yes) => yes && protectedIds.add(id)));
      else if (answer) protectedIds.add(id);
    }
    const addressesOf = (id: string, addresses: unknown): unknown => {
      const responsibles = holders.get(id);
      return responsibles === undefined ? addresses : lazy(() => this.household(id, responsibles).then((related) => (related ? null : addresses)));
    };
    const decide = (): T => withheld(row, this.alias, protectedIds, addressesOf);
    return waits.length === 0 ? decide() : Promise.all(waits).then(decide);
  }

  /** Whether a responsible, a child or a sibling (a child of a responsible) of the person is protected. */
  private household(id: string, responsibles: readonly string[]): Promise<boolean> {
    let answer = this.households.get(id);
    if (answer === undefined) {
      answer = (async () => {
        const [children, siblings] = await Promise.all([
          this.persons.childrenOf(id),
          Promise.all(responsibles.map((guardian) => this.persons.childrenOf(guardian))).then((all) => all.flat()),
        ]);
        const related = [...responsibles.map((guardian) => ({ id: guardian, marking: null })), ...children, ...siblings].filter((person) => person.id !== id);
        return (await Promise.all(related.map((person) => this.persons.isProtected(person.id, person.marking)))).some(Boolean);
      })();
      this.households.set(id, answer);
    }
    return answer;
  }
}

/**
 * A value worked out on first read. GraphQL awaits it as it would a promise; JSON leaves it out
 * (toJSON), so a row serialised before the check has run carries no addresses at all.
 */
const lazy = <T>(compute: () => Promise<T>): PromiseLike<T> & { toJSON(): undefined } => {
  let started: Promise<T> | undefined;
  return {
    then: (onFulfilled, onRejected) => (started ??= compute()).then(onFulfilled, onRejected),
    toJSON: () => undefined,
  };
};

/** `row` with the relations to protected persons taken out, and addresses behind the household check. */
function withheld<T>(row: T, alias: boolean, protectedIds: ReadonlySet<string>, addressesOf: (id: string, addresses: unknown) => unknown): T {
  const named = (entry: unknown): boolean => {
    const id = refId(isObject(entry) ? entry.person : undefined);
    return id !== undefined && protectedIds.has(id);
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: Json = { ...node };
    if (isFullPerson(node)) {
      const id = refId(node);
      if (id !== undefined && Array.isArray(node.addresses)) out.addresses = addressesOf(id, node.addresses);
      if (alias && Array.isArray(node.responsibles)) {
        if (selfProtected(node)) delete out.responsibles;
        else out.responsibles = node.responsibles.filter((entry) => !named(entry));
      }
      const embedded = node._embedded;
      if (alias && isObject(embedded)) {
        const kept: Json = { ...embedded };
        const self = selfProtected(node);
        if (Array.isArray(embedded.responsibleFor)) kept.responsibleFor = self ? [] : embedded.responsibleFor.filter((entry) => !named(entry));
        if (Array.isArray(embedded.ownedPlacements)) {
          kept.ownedPlacements = self ? [] : embedded.ownedPlacements.filter((placement) => !protectedIds.has(refId(isObject(placement) ? placement.child : undefined) ?? ''));
        }
        out._embedded = kept;
      }
    }
    if (alias && Array.isArray(node.owners)) {
      const childProtected = protectedIds.has(refId(node.child) ?? '');
      out.owners = childProtected ? [] : node.owners.filter((owner) => !protectedIds.has(refId(owner) ?? ''));
      const embedded = out._embedded;
      if (isObject(embedded) && Array.isArray(embedded.owners)) {
        out._embedded = { ...embedded, owners: childProtected ? [] : embedded.owners.filter((owner) => !protectedIds.has(refId(owner) ?? '')) };
      }
    }
    for (const key in out) {
      const child = out[key];
      if (key !== 'addresses' && typeof child === 'object' && child !== null) out[key] = walk(child);
    }
    return out;
  };
  return walk(row) as T;
}
