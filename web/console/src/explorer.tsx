// The Data Explorer: huvudman → school units → groups → members → a person's page, every page read
// through the graph, either as the administrator or as a chosen supplier (the supplier view), where a
// withheld field shows as withheld and an absent row as absent, each with its "why".
import { useState } from 'react';
import { api, graph, type GraphError } from './api';
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
  const tree = useLoad(() => api<{ roots: TreeNode[] }>('GET', as ? `suppliers/${encodeURIComponent(as)}/organisations` : 'organisations'), [as]);
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
const ABSENT_PERSON = 'query ConsoleAbsentPerson($id: ID!) { person(id: $id) { securityMarking enrolments { enroledAt { id } } } }';

const AbsentRow = ({ as, kind, id }: { as: string; kind: 'group' | 'person'; id: string }) => {
  const where = useLoad(async () => {
    if (kind === 'group') {
      const { data } = await graph<{ group: { organisation: { id: string } | null } | null }>(null, ABSENT_GROUP, { id });
      const unit = data?.group?.organisation?.id;
      return unit ? `unit=${encodeURIComponent(unit)}` : 'protected';
    }
    const { data } = await graph<{ person: { securityMarking: string | null; enrolments: { enroledAt: { id: string } | null }[] | null } | null }>(null, ABSENT_PERSON, { id });
    const unit = data?.person?.enrolments?.find((enrolment) => enrolment.enroledAt)?.enroledAt?.id;
    const parts = [...(unit ? [`unit=${encodeURIComponent(unit)}`] : []), ...(data?.person?.securityMarking !== 'INGEN' ? ['protected'] : [])];
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
  groups: { edges: { node: { id: string; displayName: string | null; groupType: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;
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
                <a href={href(['unit', child.id], as)}>{child.displayName}</a> <span className="muted">{value('OrganisationType', child.organisationType)}</span>
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
                  <a href={href(['group', node.id], as)}>{node.displayName}</a> <span className="muted">{value('GroupType', node.groupType)}</span>
                </li>
              ))}
            </ul>
            {page?.edges.length === 0 && <p className="muted">{t('none')}</p>}
            <nav className="pager" aria-label={t('groups')}>
              <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('previous')}
              </button>
              <button type="button" disabled={!page?.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, page?.pageInfo.endCursor ?? null])}>
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
  groupMemberships: { person: { id: string; givenName: string | null; familyName: string | null; securityMarking: string | null } | null }[] | null;
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
              {person.securityMarking && person.securityMarking !== 'INGEN' && <span className="badge protected">{value('SecurityMarking', person.securityMarking)}</span>}
            </li>
          )}
        />
      )}
    </section>
  );
};

const PERSON = `query ConsolePerson($id: ID!) {
  person(id: $id) {
    id givenName middleName familyName securityMarking personStatus
    civicNo { value }
    enrolments { enroledAt { id displayName } schoolYear schoolType startDate endDate }
    groupMemberships { group { id displayName groupType } }
    responsibles { relationType person { id givenName familyName } }
    activities { id displayName }
    grades { id gradeValue registeredDate syllabus { subjectName } }
    absences { id startTime endTime type }
  }
}`;
interface Person {
  id: string;
  givenName: string | null;
  middleName: string | null;
  familyName: string | null;
  securityMarking: string | null;
  personStatus: string | null;
  civicNo: { value: string } | null;
  enrolments: { enroledAt: { id: string; displayName: string | null } | null; schoolYear: number | null; schoolType: string; startDate: string | null }[] | null;
  groupMemberships: { group: { id: string; displayName: string | null; groupType: string | null } | null }[] | null;
  responsibles: { relationType: string | null; person: { id: string; givenName: string | null; familyName: string | null } | null }[] | null;
  activities: { id: string; displayName: string | null }[] | null;
  grades: { id: string; gradeValue: string; registeredDate: string; syllabus: { subjectName: string | null } | null }[] | null;
  absences: { id: string; startTime: string; endTime: string; type: string }[] | null;
}

/** A list section of the person page: withheld (with why), or paged. */
const Section = <T,>({ title, field, errors, as, items, render }: { title: string; field: keyof Person; errors: GraphError[]; as: string | null; items: T[] | null; render: (item: T, index: number) => React.ReactNode }) => (
  <section className="card" aria-label={title}>
    <h3>{title}</h3>
    {withheldAt(errors, ['person', field]) ? <Withheld supplier={as} field={`Person.${field}`} /> : <Paged label={title} items={items ?? []} render={(item) => render(item, 0)} />}
  </section>
);

export const PersonPage = ({ id, as }: { id: string; as: string | null }) => {
  const { t, value } = useI18n();
  const person = useLoad(() => graph<{ person: Person | null }>(as, PERSON, { id }), [id, as]);
  if (!person.value) return <Loading error={person.error} />;
  const { data, errors } = person.value;
  const p = data?.person;
  if (!p) return as ? <AbsentRow as={as} kind="person" id={id} /> : <p>{id}</p>;
  const isProtected = p.securityMarking !== null && p.securityMarking !== 'INGEN';
  const name = [p.givenName, p.middleName, p.familyName].filter(Boolean).join(' ');
  return (
    <section aria-labelledby="person-title">
      <h2 id="person-title">{withheldAt(errors, ['person', 'givenName']) ? <Withheld supplier={as} field="Person.givenName" /> : name || p.id}</h2>
      {isProtected && (
        <p className="protected-note">
          <span className="badge protected">{t('protectedPerson')}</span> {as && <Why supplier={as} query="protected" label={t('protectedPerson')} />}
        </p>
      )}
      <dl className="facts">
        <dt>{t('civicNo')}</dt>
        <dd data-testid="civicNo">
          {withheldAt(errors, ['person', 'civicNo']) ? <Withheld supplier={as} field="Person.civicNo" /> : p.civicNo?.value ?? <span className="muted">{isProtected ? t('protectedPerson') : '–'}</span>}
        </dd>
        <dt>{t('securityMarking')}</dt>
        <dd>{withheldAt(errors, ['person', 'securityMarking']) ? <Withheld supplier={as} field="Person.securityMarking" /> : value('SecurityMarking', p.securityMarking)}</dd>
        <dt>Status</dt>
        <dd>{value('PersonStatus', p.personStatus)}</dd>
      </dl>
      <div className="grid">
        <Section title={t('enrolments')} field="enrolments" errors={errors} as={as} items={p.enrolments}
          render={(e) => (
            <li key={`${e.enroledAt?.id}-${e.startDate}`}>
              {e.enroledAt ? <a href={href(['unit', e.enroledAt.id], as)}>{e.enroledAt.displayName}</a> : '–'} · {value('SchoolType', e.schoolType)} {e.schoolYear ?? ''}
            </li>
          )} />
        <Section title={t('groups')} field="groupMemberships" errors={errors} as={as} items={p.groupMemberships}
          render={(m) => m.group && (
            <li key={m.group.id}>
              <a href={href(['group', m.group.id], as)}>{m.group.displayName}</a> <span className="muted">{value('GroupType', m.group.groupType)}</span>
            </li>
          )} />
        <Section title={t('guardians')} field="responsibles" errors={errors} as={as} items={p.responsibles}
          render={(r) => r.person && (
            <li key={r.person.id}>
              <a href={href(['person', r.person.id], as)}>{[r.person.givenName, r.person.familyName].filter(Boolean).join(' ')}</a> <span className="muted">{value('RelationType', r.relationType)}</span>
            </li>
          )} />
        <Section title={t('activities')} field="activities" errors={errors} as={as} items={p.activities} render={(a) => <li key={a.id}>{a.displayName}</li>} />
        <Section title={t('grades')} field="grades" errors={errors} as={as} items={p.grades}
          render={(g) => <li key={g.id}>{g.syllabus?.subjectName}: {g.gradeValue} <span className="muted">{g.registeredDate}</span></li>} />
        <Section title={t('absence')} field="absences" errors={errors} as={as} items={p.absences}
          render={(a) => <li key={a.id}>{a.startTime.slice(0, 16).replace('T', ' ')}–{a.endTime.slice(11, 16)} <span className="muted">{value('AbsenceType', a.type)}</span></li>} />
      </div>
    </section>
  );
};
