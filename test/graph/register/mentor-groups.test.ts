// Mentor groups through the graph: a 7-9 unit's groups of type MENTOR, each naming its mentor back
// (Group → mentors, derived from Duty.assignmentRole) and with its weekly mentor time (schedule subgraph).
import type * as W from '../../../src/ss12000/wire';
import { generateMunicipality } from '../../../src/demo/generator';
import { startE2E, type E2E } from '../../support/e2e';

const WEEK = { start: '2026-09-07T00:00:00+02:00', end: '2026-09-11T23:59:59+02:00' };

const MENTOR_GROUPS = `
  query MentorGroups($unit: ID!) {
    organisation(id: $unit) {
      groups(groupType: [MENTOR]) {
        id
        displayName
        groupType
        mentors { id }
        duties(assignmentRoleType: [MENTOR]) { id dutyAt { id } }
      }
    }
  }`;

// One group at a time: members and mentor time of every group at once cost more than a supplier's budget.
const MENTOR_GROUP = `
  query MentorGroup($id: ID!, $start: DateTime!, $end: DateTime!) {
    group(id: $id) {
      groupMemberships { person { id } }
      activities {
        displayName
        activityType
        teachers { duty { id } }
        calendarEvents(start: $start, end: $end) { startTime endTime }
      }
    }
  }`;

interface MentorGroupNode {
  id: string;
  displayName: string;
  groupType: string;
  mentors: { id: string }[];
  duties: { id: string; dutyAt: { id: string } }[];
}

interface MentorGroupDetail {
  groupMemberships: { person: { id: string } }[];
  activities: {
    displayName: string;
    activityType: string;
    teachers: { duty: { id: string } }[];
    calendarEvents: { startTime: string; endTime: string }[];
  }[];
}

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const unit = [...dataset.organisations.values()].find(
  (o) => o.organisationType === 'Skolenhet' && o.schoolTypes?.includes('GR') && !o.schoolTypes.includes('FKLASS'),
)!;
const expectedGroups = [...(dataset.groups.where?.('organisation.id', unit.id) ?? [])].filter((g) => g.groupType === 'Mentor');
const mentorDuty = (group: W.Group): W.Duty =>
  [...(dataset.duties.where?.('assignmentRole.group.id', group.id) ?? [])].find((d) =>
    d.assignmentRole?.some((r) => r.group.id === group.id && r.assignmentRoleType === 'Mentor'),
  )!;

let graph: E2E;
beforeAll(async () => {
  graph = await startE2E({ dataset });
});
afterAll(() => graph.close());

test("a 7-9 unit's mentor groups are reachable and name their mentor (Group → mentors, Group → duties MENTOR)", async () => {
  const { data, errors } = await graph.query<{ organisation: { groups: MentorGroupNode[] } }>(MENTOR_GROUPS, { unit: unit.id });
  expect(errors).toBeUndefined();
  const groups = data!.organisation.groups;
  expect(expectedGroups.length).toBeGreaterThan(0);
  expect(groups.map((g) => g.id).sort()).toEqual(expectedGroups.map((g) => g.id).sort());
  for (const group of groups) {
    const duty = mentorDuty(dataset.groups.get(group.id)!);
    expect(group.groupType).toBe('MENTOR');
    expect(group.mentors.map((p) => p.id)).toEqual([duty.person!.id]);
    expect(group.duties).toEqual([{ id: duty.id, dutyAt: { id: unit.id } }]);
  }
});

test('a mentor group has its members and one mentor time a week, 12:10–12:30, led by its mentor', async () => {
  for (const expected of expectedGroups) {
    const { data, errors } = await graph.query<{ group: MentorGroupDetail }>(MENTOR_GROUP, { id: expected.id, ...WEEK });
    expect(errors).toBeUndefined();
    const group = data!.group;
    expect(group.groupMemberships.map((m) => m.person.id)).toEqual(expected.groupMemberships!.map((m) => m.person.id));
    const [mentorTime, ...more] = group.activities;
    expect(more).toEqual([]);
    expect(mentorTime).toMatchObject({
      displayName: expected.displayName.replace('mentorsgrupp', 'Mentorstid'),
      activityType: 'ELEVAKTIVITET',
      teachers: [{ duty: { id: mentorDuty(expected).id } }],
    });
    // The gateway answers in UTC; the producer's local time is 12:10–12:30 (summer time, +02:00).
    const activityId = [...(dataset.activities.where?.('groups.id', expected.id) ?? [])][0]!.id;
    const inWeek = [...(dataset.calendarEvents.where?.('activity.id', activityId) ?? [])].filter(
      (e) => Date.parse(e.startTime) >= Date.parse(WEEK.start) && Date.parse(e.startTime) <= Date.parse(WEEK.end),
    );
    expect(inWeek.map((e) => [e.startTime.slice(11), e.endTime.slice(11)])).toEqual([['12:10:00+02:00', '12:30:00+02:00']]);
    expect(mentorTime!.calendarEvents.map((e) => [Date.parse(e.startTime), Date.parse(e.endTime)])).toEqual(
      inWeek.map((e) => [Date.parse(e.startTime), Date.parse(e.endTime)]),
    );
  }
});
