// A person's page in the Data Explorer: enrolments, placements, groups, guardians, activities, grades and absence,
// each section withheld (with its why) where the supplier viewed as may not read it.
import type { ReactNode } from 'react';
import type { GraphError } from './api';
import { graph } from './api';
import { Loading, Paged, useLoad, Why, Withheld, withheldAt } from './components';
import { AbsentRow } from './explorer';
import { useI18n } from './i18n';
import { href } from './router';

const PERSON = `query ConsolePerson($id: ID!) {
  person(id: $id) {
    id givenName middleName familyName securityMarking personStatus
    civicNo { value }
    enrolments { enroledAt { id displayName } schoolYear schoolType startDate endDate }
    placements { id schoolType startDate endDate reason maxWeeklyScheduleHours placedAt { id displayName } group { id displayName } }
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
  enrolments:
    | {
        enroledAt: { id: string; displayName: string | null } | null;
        schoolYear: number | null;
        schoolType: string;
        startDate: string | null;
      }[]
    | null;
  placements:
    | {
        id: string;
        schoolType: string | null;
        startDate: string | null;
        endDate: string | null;
        reason: string | null;
        maxWeeklyScheduleHours: number | null;
        placedAt: { id: string; displayName: string | null } | null;
        group: { id: string; displayName: string | null } | null;
      }[]
    | null;
  groupMemberships: { group: { id: string; displayName: string | null; groupType: string | null } | null }[] | null;
  responsibles:
    { relationType: string | null; person: { id: string; givenName: string | null; familyName: string | null } | null }[] | null;
  activities: { id: string; displayName: string | null }[] | null;
  grades: { id: string; gradeValue: string; registeredDate: string; syllabus: { subjectName: string | null } | null }[] | null;
  absences: { id: string; startTime: string; endTime: string; type: string }[] | null;
}

/** A list section of the person page: withheld (with why), or paged. */
const Section = <T,>({
  title,
  field,
  errors,
  as,
  items,
  render,
}: {
  title: string;
  field: keyof Person;
  errors: GraphError[];
  as: string | null;
  items: T[] | null;
  render: (item: T) => ReactNode;
}) => (
  <section className="card" aria-label={title}>
    <h3>{title}</h3>
    {withheldAt(errors, ['person', field]) ? (
      <Withheld supplier={as} field={`Person.${field}`} />
    ) : (
      <Paged label={title} items={items ?? []} render={render} />
    )}
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
      <h2 id="person-title">
        {withheldAt(errors, ['person', 'givenName']) ? <Withheld supplier={as} field="Person.givenName" /> : name || p.id}
      </h2>
      {isProtected && (
        <p className="protected-note">
          <span className="badge protected">{t('protectedPerson')}</span>{' '}
          {as && <Why supplier={as} query="protected" label={t('protectedPerson')} />}
        </p>
      )}
      <dl className="facts">
        <dt>{t('civicNo')}</dt>
        <dd data-testid="civicNo">
          {withheldAt(errors, ['person', 'civicNo']) ? (
            <Withheld supplier={as} field="Person.civicNo" />
          ) : (
            (p.civicNo?.value ?? <span className="muted">{isProtected ? t('protectedPerson') : '–'}</span>)
          )}
        </dd>
        <dt>{t('securityMarking')}</dt>
        <dd>
          {withheldAt(errors, ['person', 'securityMarking']) ? (
            <Withheld supplier={as} field="Person.securityMarking" />
          ) : (
            value('SecurityMarking', p.securityMarking)
          )}
        </dd>
        <dt>Status</dt>
        <dd>{value('PersonStatus', p.personStatus)}</dd>
      </dl>
      <div className="grid">
        <Section
          title={t('enrolments')}
          field="enrolments"
          errors={errors}
          as={as}
          items={p.enrolments}
          render={(e) => (
            <li key={`${e.enroledAt?.id}-${e.startDate}`}>
              {e.enroledAt ? <a href={href(['unit', e.enroledAt.id], as)}>{e.enroledAt.displayName}</a> : '–'} ·{' '}
              {value('SchoolType', e.schoolType)} {e.schoolYear ?? ''}
            </li>
          )}
        />
        <Section
          title={t('placements')}
          field="placements"
          errors={errors}
          as={as}
          items={p.placements}
          render={(placement) => (
            <li key={placement.id}>
              {placement.placedAt ? <a href={href(['unit', placement.placedAt.id], as)}>{placement.placedAt.displayName}</a> : '–'} ·{' '}
              {value('SchoolType', placement.schoolType)}
              {placement.group && (
                <>
                  {' '}
                  · <a href={href(['group', placement.group.id], as)}>{placement.group.displayName}</a>
                </>
              )}{' '}
              <span className="muted">
                {[
                  `${placement.startDate ?? ''}–${placement.endDate ?? ''}`,
                  value('PlacementReason', placement.reason),
                  placement.maxWeeklyScheduleHours === null ? '' : `${placement.maxWeeklyScheduleHours} ${t('hoursPerWeek')}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          )}
        />
        <Section
          title={t('groups')}
          field="groupMemberships"
          errors={errors}
          as={as}
          items={p.groupMemberships}
          render={(m) =>
            m.group && (
              <li key={m.group.id}>
                <a href={href(['group', m.group.id], as)}>{m.group.displayName}</a>{' '}
                <span className="muted">{value('GroupType', m.group.groupType)}</span>
              </li>
            )
          }
        />
        <Section
          title={t('guardians')}
          field="responsibles"
          errors={errors}
          as={as}
          items={p.responsibles}
          render={(r) =>
            r.person && (
              <li key={r.person.id}>
                <a href={href(['person', r.person.id], as)}>{[r.person.givenName, r.person.familyName].filter(Boolean).join(' ')}</a>{' '}
                <span className="muted">{value('RelationType', r.relationType)}</span>
              </li>
            )
          }
        />
        <Section
          title={t('activities')}
          field="activities"
          errors={errors}
          as={as}
          items={p.activities}
          render={(a) => <li key={a.id}>{a.displayName}</li>}
        />
        <Section
          title={t('grades')}
          field="grades"
          errors={errors}
          as={as}
          items={p.grades}
          render={(g) => (
            <li key={g.id}>
              {g.syllabus?.subjectName}: {g.gradeValue} <span className="muted">{g.registeredDate}</span>
            </li>
          )}
        />
        <Section
          title={t('absence')}
          field="absences"
          errors={errors}
          as={as}
          items={p.absences}
          render={(a) => (
            <li key={a.id}>
              {a.startTime.slice(0, 16).replace('T', ' ')}–{a.endTime.slice(11, 16)}{' '}
              <span className="muted">{value('AbsenceType', a.type)}</span>
            </li>
          )}
        />
      </div>
    </section>
  );
};
