// The persons `relationship.*` filters: a person matches when ONE of their relations
// (enrolment, duty, placement, responsibility, group membership) satisfies every given part.
import type * as W from '../../../ss12000/wire';
import { compareTime } from '../filters';
import type { EngineContext, Matcher } from '../path-def';
import type { Query } from '../query';

interface Relation {
  type: string;
  organisation?: string;
  startDate?: string;
  endDate?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function ownRelations(person: W.Person, ctx: EngineContext): Relation[] {
  const relations: Relation[] = (person.enrolments ?? []).map((e) => ({
    type: 'enrolment',
    organisation: e.enroledAt.id,
    startDate: e.startDate,
    endDate: e.endDate,
  }));
  for (const d of ctx.indexes.where('duties', 'person.id', person.id)) {
    relations.push({ type: 'duty', organisation: d.dutyAt.id, startDate: d.startDate, endDate: d.endDate });
  }
  for (const p of ctx.indexes.where('placements', 'child.id', person.id)) {
    relations.push({ type: 'placement.child', organisation: p.placedAt.id, startDate: p.startDate, endDate: p.endDate });
  }
  for (const p of ctx.indexes.where('placements', 'owners.id', person.id)) {
    relations.push({ type: 'placement.owner', organisation: p.placedAt.id, startDate: p.startDate, endDate: p.endDate });
  }
  for (const g of ctx.indexes.where('groups', 'groupMemberships.person.id', person.id)) {
    for (const m of g.groupMemberships ?? []) {
      if (m.person.id !== person.id) continue;
      relations.push({
        type: 'groupMembership',
        organisation: g.organisation.id,
        startDate: m.startDate ?? g.startDate,
        endDate: m.endDate ?? g.endDate,
      });
    }
  }
  return relations;
}

function relationsOf(person: W.Person, ctx: EngineContext, wanted: string | undefined): Relation[] {
  const relations = ownRelations(person, ctx);
  if (wanted === undefined || wanted.startsWith('responsibleFor.')) {
    for (const child of ctx.indexes.where('persons', 'responsibles.person.id', person.id)) {
      for (const r of ownRelations(child, ctx)) {
        if (r.type === 'enrolment') relations.push({ ...r, type: 'responsibleFor.enrolment' });
        if (r.type === 'placement.child') relations.push({ ...r, type: 'responsibleFor.placement' });
      }
    }
  }
  return relations;
}

const PARAMS = [
  'relationship.entity.type',
  'relationship.organisation',
  'relationship.startDate.onOrBefore',
  'relationship.startDate.onOrAfter',
  'relationship.endDate.onOrBefore',
  'relationship.endDate.onOrAfter',
] as const;
export const RELATIONSHIP_PARAMS: readonly string[] = PARAMS;

/** One matcher for all relationship.* parameters of a query, or undefined when none is given. */
export function relationshipMatcher(query: Query, ctx: EngineContext): Matcher<W.Person> | undefined {
  if (!PARAMS.some((p) => p in query)) return undefined;
  const type = str(query['relationship.entity.type']);
  const org = str(query['relationship.organisation']);
  const inRange = (r: Relation): boolean => {
    const checks: [string | undefined, string | undefined, 'le' | 'ge', boolean][] = [
      [r.startDate, str(query['relationship.startDate.onOrBefore']), 'le', true],
      [r.startDate, str(query['relationship.startDate.onOrAfter']), 'ge', false],
      [r.endDate, str(query['relationship.endDate.onOrBefore']), 'le', false],
      [r.endDate, str(query['relationship.endDate.onOrAfter']), 'ge', true],
    ];
    return checks.every(([have, bound, op, openMatches]) => {
      if (bound === undefined) return true;
      if (have === undefined) return openMatches;
      const c = compareTime(have, bound);
      return op === 'le' ? c <= 0 : c >= 0;
    });
  };
  return {
    test: (person) =>
      relationsOf(person, ctx, type).some(
        (r) => (type === undefined || r.type === type) && (org === undefined || r.organisation === org) && inRange(r),
      ),
  };
}
