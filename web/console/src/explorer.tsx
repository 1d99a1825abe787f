// The Data Explorer: huvudman → school units → groups → members → a person's page, every page read
// through the graph, either as the administrator or as a chosen supplier (the supplier view), where a
// withheld field shows as withheld and an absent row as absent, each with its "why".
import { useState } from 'react';
import { api, graph } from './api';
import { Loading, Paged, useLoad, Why, Withheld, withheldAt } from './components';
import { useI18n } from './i18n';
import { href } from './router';

interface TreeNode {
  id: string;
  displayName: string | null;
  organisationType: string | null;
  schoolUnitCode: string | null;
  children: TreeNode[];
}

const TreeList = ({ nodes, as }: { nodes: TreeNode[]; as: string | null }) => {
  const { value } = useI18n();
  return (
    <ul className="tree">
      {nodes.map((node) => (
        <li key={node.id}>
          <a href={href(['unit', node.id], as)}>{node.displayName ?? node.id}</a>{' '}
          <span className="muted">
            {value('OrganisationType', node.organisationType)}
            {node.schoolUnitCode ? ` · ${node.schoolUnitCode}` : ''}
          </span>
          {node.children.length > 0 && <TreeList nodes={node.children} as={as} />}
        </li>
      ))}
    </ul>
  );
};

export const TreePage = ({ as }: { as: string | null }) => {
  const { t } = useI18n();
  const tree = useLoad(
    () => api<{ roots: TreeNode[] }>('GET', as ? `suppliers/${encodeURIComponent(as)}/organisations` : 'organisations'),
    [as],
  );
  return (
    <section aria-labelledby="tree-title">
      <h2 id="tree-title">{t('organisationTree')}</h2>
      {tree.value ? <TreeList nodes={tree.value.roots} as={as} /> : <Loading error={tree.error} />}
    </section>
  );
};

const Absent = ({ as, query }: { as: string; query: string }) => {
  const { t } = useI18n();
  return (
    <p className="absent">
      <span className="badge">
        {t('absent')} {as}
      </span>{' '}
      <Why supplier={as} query={query} label={as} />
    </p>
  );
};

// Where a row the supplier does not get belongs, as the administrator sees it: the "why" then names the
// unit (and, for a protected person, the rule). Asked only for rows absent from a supplier view.
const ABSENT_GROUP = 'query ConsoleAbsentGroup($id: ID!) { group(id: $id) { organisation { id } } }';
// A person belongs where it is enrolled, placed (förskola, fritidshem) or on duty, and a guardian where a
// child of theirs is (src/sources/scope/README.md): the first such unit is the one the why names.
const ABSENT_PERSON = `query ConsoleAbsentPerson($id: ID!) {
  person(id: $id) {
    securityMarking
    enrolments { enroledAt { id } }
    placements { placedAt { id } }
    duties { dutyAt { id } }
    responsibleFor { person { enrolments { enroledAt { id } } placements { placedAt { id } } } }
  }
}`;

interface UnitsOfPerson {
  enrolments: { enroledAt: { id: string } | null }[] | null;
  placements: { placedAt: { id: string } | null }[] | null;
}
interface AbsentPerson extends UnitsOfPerson {
  securityMarking: string | null;
  duties: { dutyAt: { id: string } | null }[] | null;
  responsibleFor: { person: UnitsOfPerson | null }[] | null;
}

const ownUnits = (person: UnitsOfPerson | null | undefined): string[] => [
  ...(person?.enrolments ?? []).flatMap((e) => (e.enroledAt ? [e.enroledAt.id] : [])),
  ...(person?.placements ?? []).flatMap((p) => (p.placedAt ? [p.placedAt.id] : [])),
];

const unitOf = (person: AbsentPerson | null | undefined): string | undefined =>
  [
    ...ownUnits(person),
    ...(person?.duties ?? []).flatMap((d) => (d.dutyAt ? [d.dutyAt.id] : [])),
    ...(person?.responsibleFor ?? []).flatMap((r) => ownUnits(r.person)),
  ][0];

export const AbsentRow = ({ as, kind, id }: { as: string; kind: 'group' | 'person'; id: string }) => {
  const where = useLoad(async () => {
    if (kind === 'group') {
      const { data } = await graph<{ group: { organisation: { id: string } | null } | null }>(null, ABSENT_GROUP, { id });
      const unit = data?.group?.organisation?.id;
      return unit ? `unit=${encodeURIComponent(unit)}` : 'protected';
    }
    const { data } = await graph<{ person: AbsentPerson | null }>(null, ABSENT_PERSON, { id });
    const unit = unitOf(data?.person);
    const parts = [
      ...(unit ? [`unit=${encodeURIComponent(unit)}`] : []),
      ...(data?.person?.securityMarking !== 'INGEN' ? ['protected'] : []),
    ];
    return parts.join('&') || 'protected';
  }, [as, kind, id]);
  return where.value ? <Absent as={as} query={where.value} /> : <Loading error={where.error} />;
};

const UNIT = `query ConsoleUnit($id: ID!) {
  organisation(id: $id) { id displayName organisationType schoolUnitCode parentOrganisation { id displayName } children { id displayName organisationType } }
}`;
const UNIT_GROUPS = `query ConsoleUnitGroups($id: ID!, $after: String) {
  groups(organisation: [$id], first: 25, after: $after) {
    edges { node { id displayName groupType schoolType } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Unit {
  id: string;
  displayName: string | null;
  organisationType: string | null;
  schoolUnitCode: string | null;
  parentOrganisation: { id: string; displayName: string | null } | null;
  children: { id: string; displayName: string | null; organisationType: string | null }[] | null;
}
interface GroupsPage {
  groups: {
    edges: { node: { id: string; displayName: string | null; groupType: string | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}

export const UnitPage = ({ id, as }: { id: string; as: string | null }) => {
  const { t, value } = useI18n();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const unit = useLoad(() => graph<{ organisation: Unit | null }>(as, UNIT, { id }), [id, as]);
  const after = cursors[cursors.length - 1] ?? null;
  const groups = useLoad(() => graph<GroupsPage>(as, UNIT_GROUPS, { id, after }), [id, as, after]);
  if (!unit.value) return <Loading error={unit.error} />;
  const organisation = unit.value.data?.organisation;
  if (!organisation) return as ? <Absent as={as} query={`unit=${encodeURIComponent(id)}`} /> : <p>{id}</p>;
  const page = groups.value?.data?.groups;
  return (
    <section aria-labelledby="unit-title">
      <h2 id="unit-title">{organisation.displayName}</h2>
      <p className="muted">
        {value('OrganisationType', organisation.organisationType)}
        {organisation.schoolUnitCode ? ` · ${organisation.schoolUnitCode}` : ''}
        {organisation.parentOrganisation && (
          <>
            {' · '}
            <a href={href(['unit', organisation.parentOrganisation.id], as)}>{organisation.parentOrganisation.displayName}</a>
          </>
        )}
      </p>
      {(organisation.children ?? []).length > 0 && (
        <>
          <h3>{t('subUnits')}</h3>
          <Paged
            label={t('subUnits')}
            items={organisation.children ?? []}
            render={(child) => (
              <li key={child.id}>
                <a href={href(['unit', child.id], as)}>{child.displayName}</a>{' '}
                <span className="muted">{value('OrganisationType', child.organisationType)}</span>
              </li>
            )}
          />
        </>
      )}
      <h3>{t('groups')}</h3>
      {groups.value ? (
        withheldAt(groups.value.errors, ['groups']) ? (
          <Withheld supplier={as} field="Query.groups" />
        ) : (
          <>
            <ul aria-label={t('groups')}>
              {(page?.edges ?? []).map(({ node }) => (
                <li key={node.id}>
                  <a href={href(['group', node.id], as)}>{node.displayName}</a>{' '}
                  <span className="muted">{value('GroupType', node.groupType)}</span>
                </li>
              ))}
            </ul>
            {page?.edges.length === 0 && <p className="muted">{t('none')}</p>}
            <nav className="pager" aria-label={t('groups')}>
              <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('previous')}
              </button>
              <button
                type="button"
                disabled={!page?.pageInfo.hasNextPage}
                onClick={() => setCursors([...cursors, page?.pageInfo.endCursor ?? null])}
              >
                {t('more')}
              </button>
            </nav>
          </>
        )
      ) : (
        <Loading error={groups.error} />
      )}
    </section>
  );
};

const GROUP = `query ConsoleGroup($id: ID!) {
  group(id: $id) {
    id displayName groupType schoolType startDate endDate organisation { id displayName }
    groupMemberships { startDate endDate person { id givenName familyName securityMarking } }
  }
}`;
interface Group {
  id: string;
  displayName: string | null;
  groupType: string | null;
  schoolType: string | null;
  organisation: { id: string; displayName: string | null } | null;
  groupMemberships:
    { person: { id: string; givenName: string | null; familyName: string | null; securityMarking: string | null } | null }[] | null;
}

export const GroupPage = ({ id, as }: { id: string; as: string | null }) => {
  const { t, value } = useI18n();
  const group = useLoad(() => graph<{ group: Group | null }>(as, GROUP, { id }), [id, as]);
  if (!group.value) return <Loading error={group.error} />;
  const data = group.value.data?.group;
  if (!data) return as ? <AbsentRow as={as} kind="group" id={id} /> : <p>{id}</p>;
  const members = (data.groupMemberships ?? []).flatMap((membership) => (membership.person ? [membership.person] : []));
  return (
    <section aria-labelledby="group-title">
      <h2 id="group-title">{data.displayName}</h2>
      <p className="muted">
        {value('GroupType', data.groupType)} · {value('SchoolType', data.schoolType)}
        {data.organisation && (
          <>
            {' · '}
            <a href={href(['unit', data.organisation.id], as)}>{data.organisation.displayName}</a>
          </>
        )}
      </p>
      <h3>{t('members')}</h3>
      {withheldAt(group.value.errors, ['group', 'groupMemberships']) ? (
        <Withheld supplier={as} field="Group.groupMemberships" />
      ) : (
        <Paged
          label={t('members')}
          items={members}
          size={25}
          render={(person) => (
            <li key={person.id}>
              <a href={href(['person', person.id], as)}>{[person.givenName, person.familyName].filter(Boolean).join(' ') || person.id}</a>
              {person.securityMarking && person.securityMarking !== 'INGEN' && (
                <span className="badge protected">{value('SecurityMarking', person.securityMarking)}</span>
              )}
            </li>
          )}
        />
      )}
    </section>
  );
};
