// Register producer paths: /organisations /persons /placements /duties /groups /programmes
// /syllabuses /schoolUnitOfferings.
import type * as W from '../../../ss12000/wire';
import { valuesAt } from '../dotted';
import { lookupBy, refIn, unique, valueIn } from '../filters';
import { definePath, type EngineContext, type PathDef } from '../path-def';
import { relationshipMatcher, RELATIONSHIP_PARAMS } from './person-relations';

/** The GroupFragment view of a group (what persons' groupMemberships and attendanceEvents embed). */
export const groupFragment = (g: W.Group): W.Group => {
  const { groupMemberships: _members, ...fragment } = g;
  return fragment;
};

const persons = (ids: unknown[], ctx: EngineContext): W.Person[] =>
  ids.map((id) => ctx.ds.persons.get(id as string)).filter((p): p is W.Person => p !== undefined);

const organisations = definePath({
  name: 'organisations',
  filters: {
    parent: refIn('organisations', 'parentOrganisation.id'),
    schoolUnitCode: valueIn('schoolUnitCode'),
    organisationCode: valueIn('organisationCode'),
    municipalityCode: valueIn('municipalityCode'),
    type: valueIn('organisationType'),
    schoolTypes: valueIn('schoolTypes'),
  },
  lookup: {
    schoolUnitCodes: lookupBy('organisations', valueIn('schoolUnitCode')),
    organisationCodes: lookupBy('organisations', valueIn('organisationCode')),
  },
});

const nameContains = (value: unknown): { test(p: W.Person): boolean } => {
  const parts = (value as string[]).map((v) => v.toLocaleLowerCase('sv'));
  return {
    test: (p) => {
      const names = [p.givenName, p.middleName, p.familyName].filter(Boolean).map((n) => n!.toLocaleLowerCase('sv'));
      return parts.every((part) => names.some((n) => n.includes(part)));
    },
  };
};

const civicNo = valueIn<W.Person>('civicNo.value');

const personsPath = definePath({
  name: 'persons',
  filters: {
    nameContains,
    civicNo,
    eduPersonPrincipalName: valueIn('eduPersonPrincipalNames'),
    'identifier.value': valueIn('externalIdentifiers.value'),
    'identifier.context': valueIn('externalIdentifiers.context'),
  },
  queryFilter: { params: RELATIONSHIP_PARAMS, match: relationshipMatcher },
  expand: {
    duties: (p, ctx) => ctx.indexes.where('duties', 'person.id', p.id),
    responsibleFor: (p, ctx) =>
      ctx.indexes
        .where('persons', 'responsibles.person.id', p.id)
        .flatMap((child) =>
          (child.responsibles ?? [])
            .filter((r) => r.person?.id === p.id)
            .map((r) => ({ person: { id: child.id }, relationType: r.relationType })),
        ),
    placements: (p, ctx) => ctx.indexes.where('placements', 'child.id', p.id),
    ownedPlacements: (p, ctx) => ctx.indexes.where('placements', 'owners.id', p.id),
    groupMemberships: (p, ctx) =>
      ctx.indexes
        .where('groups', 'groupMemberships.person.id', p.id)
        .flatMap((g) =>
          (g.groupMemberships ?? [])
            .filter((m) => m.person.id === p.id)
            .map((m) => ({ group: groupFragment(g), startDate: m.startDate, endDate: m.endDate })),
        ),
  },
  lookup: { civicNos: lookupBy('persons', civicNo) },
});

const child = refIn('placements', 'child.id');
const owner = refIn('placements', 'owners.id');

const placements = definePath({
  name: 'placements',
  filters: {
    organisation: refIn('placements', 'placedAt.id'),
    group: refIn('placements', 'group.id'),
    child,
    owner,
  },
  expand: {
    child: (p, ctx) => ctx.ds.persons.get(p.child.id),
    owners: (p, ctx) => persons(valuesAt(p, 'owners.id'), ctx),
  },
  lookup: {
    personIds: (id, ctx) => unique([...lookupBy('placements', child)(id, ctx), ...lookupBy('placements', owner)(id, ctx)]),
  },
});

const duties = definePath({
  name: 'duties',
  filters: {
    organisation: refIn('duties', 'dutyAt.id'),
    dutyRole: valueIn('dutyRole'),
    person: refIn('duties', 'person.id'),
  },
  expand: { person: (d, ctx) => (d.person ? ctx.ds.persons.get(d.person.id) : undefined) },
});

const groups = definePath({
  name: 'groups',
  filters: {
    groupType: valueIn('groupType'),
    schoolTypes: valueIn('schoolType'),
    organisation: refIn('groups', 'organisation.id'),
  },
  expand: {
    assignmentRoles: (g, ctx) =>
      ctx.indexes
        .where('duties', 'assignmentRole.group.id', g.id)
        .flatMap((d) =>
          (d.assignmentRole ?? [])
            .filter((a) => a.group.id === g.id)
            .map((a) => ({ duty: { id: d.id }, assignmentRoleType: a.assignmentRoleType, startDate: a.startDate, endDate: a.endDate })),
        ),
  },
});

const programmes = definePath({
  name: 'programmes',
  filters: {
    schoolType: valueIn('schoolType'),
    code: valueIn('code'),
    parentProgramme: valueIn('parentProgramme.id'),
  },
});

const syllabuses = definePath({ name: 'syllabuses' });

const schoolUnitOfferings = definePath({
  name: 'schoolUnitOfferings',
  filters: { organisation: refIn('schoolUnitOfferings', 'offeredAt.id') },
});

export const REGISTER_PATHS: PathDef[] = [
  organisations,
  personsPath,
  placements,
  duties,
  groups,
  programmes,
  syllabuses,
  schoolUnitOfferings,
] as PathDef[];
