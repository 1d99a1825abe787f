// Per-request facts about persons, for the row scope: whether a person is protected, and whether a
// person belongs to the caller's units. Both go through the request's own loaders (batched, and
// asked at most once per person and request).
import type * as W from '../../ss12000/wire';
import type { LoadOptions, Sources } from '../types';
import type { Maybe } from './maybe';

// One expand set for every membership question, so all of them share one batched loader.
const MEMBERSHIP_EXPAND = ['duties', 'placements', 'responsibleFor'];

const attendsIn = (person: W.PersonExpanded, units: ReadonlySet<string>): boolean =>
  (person.enrolments ?? []).some((enrolment) => units.has(enrolment.enroledAt.id)) ||
  (person._embedded?.placements ?? []).some((placement) => units.has(placement.placedAt.id));

/** Asks once per key; once the answer is in, later askers get it without a promise. */
class Answers {
  private readonly known = new Map<string, Maybe<boolean>>();

  get(key: string, ask: () => Promise<boolean>): Maybe<boolean> {
    const answer = this.known.get(key);
    if (answer !== undefined) return answer;
    const asked = ask().then((value) => {
      this.known.set(key, value);
      return value;
    });
    this.known.set(key, asked);
    return asked;
  }
}

export class PersonChecks {
  private readonly markings = new Answers();
  private readonly memberships = new Answers();
  private readonly relatives = new Map<string, Promise<ReadonlySet<string>>>();

  constructor(
    private readonly raw: Sources,
    private readonly units: 'all' | ReadonlySet<string>,
    private readonly loadOptions: LoadOptions,
  ) {}

  /** Protected unless the marking is explicitly `Ingen`: a producer that leaves it out fails closed. An unknown id protects nobody (it resolves to nothing anyway). */
  isProtected(id: string, stated: string | null): Maybe<boolean> {
    if (stated !== null) return stated !== 'Ingen';
    return this.markings.get(id, async () => {
      const person = await this.raw.register.load('persons', id, this.loadOptions);
      return person !== null && person.securityMarking !== 'Ingen';
    });
  }

  /**
   * Whether the person is enrolled, placed or on duty at one of the units; a guardian belongs where
   * a child they are responsible for is enrolled or placed (guardians have no relation of their own
   * to a unit in SS 12000).
   */
  inUnits(id: string): Maybe<boolean> {
    const units = this.units;
    if (units === 'all') return true;
    return this.memberships.get(id, async () => {
      const person = await this.expanded(id);
      if (person === null) return false;
      if (attendsIn(person, units) || (person._embedded?.duties ?? []).some((duty) => units.has(duty.dutyAt.id))) return true;
      const children = (person._embedded?.responsibleFor ?? []).flatMap((responsible) =>
        responsible.person ? [responsible.person.id] : [],
      );
      const loaded = await Promise.all(children.map((child) => this.expanded(child)));
      return loaded.some((child) => child !== null && attendsIn(child, units));
    });
  }

  /** The persons `id` is responsible for (its children), as references: with their marking when the producer names it. */
  async childrenOf(id: string): Promise<{ id: string; marking: string | null }[]> {
    const person = await this.expanded(id);
    return (person?._embedded?.responsibleFor ?? []).flatMap((responsible) => {
      const child = responsible.person as { id: string; securityMarking?: string } | undefined;
      return child ? [{ id: child.id, marking: typeof child.securityMarking === 'string' ? child.securityMarking : null }] : [];
    });
  }

  /** The person's guardians, children and siblings (children of a guardian), by id; asked once per person and request. */
  relativesOf(id: string): Promise<ReadonlySet<string>> {
    let answer = this.relatives.get(id);
    if (answer === undefined) {
      answer = (async () => {
        const person = await this.expanded(id);
        const guardians = (person?.responsibles ?? []).flatMap((responsible) => (responsible.person ? [responsible.person.id] : []));
        const [children, siblings] = await Promise.all([
          this.childrenOf(id),
          Promise.all(guardians.map((guardian) => this.childrenOf(guardian))).then((all) => all.flat()),
        ]);
        return new Set([...guardians, ...children.map((c) => c.id), ...siblings.map((c) => c.id)].filter((other) => other !== id));
      })();
      this.relatives.set(id, answer);
    }
    return answer;
  }

  private async expanded(id: string): Promise<W.PersonExpanded | null> {
    return (await this.raw.register.load('persons', id, { ...this.loadOptions, expand: MEMBERSHIP_EXPAND })) as W.PersonExpanded | null;
  }
}
