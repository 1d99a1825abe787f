// The schedule subgraph's own surface: spec-named root lists with typed filters and Relay paging,
// by-id fields, member links, and what a caller sees when the schedule producer fails.
import { generateMunicipality } from '../../../src/demo/generator';
import { startE2E, type E2E } from '../../support/e2e';

const dataset = generateMunicipality({ seed: 7, students: 300 });
const WEEK = { from: '2026-08-24T00:00:00+02:00', to: '2026-08-28T23:59:59+02:00' };

let graph: E2E;
beforeAll(async () => {
  graph = await startE2E({ dataset });
});
afterAll(() => graph.close());
afterEach(() => graph.producers.schedule.setFaults({ errorRate: 0, malformedRate: 0 }));

const EVENTS_PAGE = `
  query ($group: ID!, $from: DateTime!, $to: DateTime!, $after: String) {
    calendarEvents(startTimeOnOrAfter: $from, startTimeOnOrBefore: $to, group: $group, first: 7, after: $after) {
      edges { cursor node { id activity { id groups { id } } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

test("calendarEvents pages through a group's week with the producer's filters and Relay cursors", async () => {
  const group = dataset.activities.values().next().value!.groups[0]!.id;
  const activityIds = new Set([...dataset.activities.values()].filter((a) => a.groups.some((g) => g.id === group)).map((a) => a.id));
  const expected = [...dataset.calendarEvents.values()].filter(
    (e) =>
      activityIds.has(e.activity.id) && Date.parse(e.startTime) >= Date.parse(WEEK.from) && Date.parse(e.startTime) <= Date.parse(WEEK.to),
  );

  const seen: string[] = [];
  let after: string | undefined;
  for (;;) {
    const { data, errors } = await graph.query<any>(EVENTS_PAGE, { group, ...WEEK, after });
    expect(errors).toBeUndefined();
    const page = data!.calendarEvents;
    for (const edge of page.edges) {
      expect(edge.node.activity.groups.map((g: { id: string }) => g.id)).toContain(group);
      seen.push(edge.node.id);
    }
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(expected.length).toBeGreaterThan(7);
  expect(seen.sort()).toEqual(expected.map((e) => e.id).sort());
});

test('calendarEvents sortkey START_TIME_DESC reaches the producer as StartTimeDesc', async () => {
  const { data, errors } = await graph.query<any>(
    `query ($from: DateTime!, $to: DateTime!) {
      calendarEvents(startTimeOnOrAfter: $from, startTimeOnOrBefore: $to, sortkey: START_TIME_DESC, first: 40) {
        edges { node { startTime } }
      }
    }`,
    WEEK,
  );
  expect(errors).toBeUndefined();
  const starts = data!.calendarEvents.edges.map((e: { node: { startTime: string } }) => Date.parse(e.node.startTime));
  expect(starts).toHaveLength(40);
  expect(starts).toEqual([...starts].sort((a, b) => b - a));
  expect(starts[0]).toBeGreaterThan(starts[39]);
});

test('an inverted calendarEvents window is BAD_USER_INPUT', async () => {
  const { errors } = await graph.query(`{
    calendarEvents(startTimeOnOrAfter: "${WEEK.to}", startTimeOnOrBefore: "${WEEK.from}") { edges { cursor } }
  }`);
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('calendarEvents without the time window the spec requires is refused before any producer call', async () => {
  graph.producers.schedule.resetStats();
  const { errors } = await graph.query(`{ calendarEvents(first: 1) { edges { cursor } } }`);
  expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(graph.producers.schedule.stats().total).toBe(0);
});

test('activity by id resolves its enum, teachers and groups; an unknown id is null', async () => {
  const activity = [...dataset.activities.values()].find((a) => a.activityType === 'Undervisning' && a.teachers?.length)!;
  const { data, errors } = await graph.query<any>(
    `query ($id: ID!) {
      activity(id: $id) { activityType teachers { duty { id person { id } } } groups { displayName } organisation { id } }
      missing: activity(id: "00000000-0000-4000-8000-000000000000") { id }
    }`,
    { id: activity.id },
  );
  expect(errors).toBeUndefined();
  expect(data!.activity.activityType).toBe('UNDERVISNING');
  expect(data!.activity.teachers.map((t: { duty: { id: string } }) => t.duty.id)).toEqual(activity.teachers!.map((t) => t.duty.id));
  expect(data!.activity.teachers[0].duty.person.id).toBe(dataset.duties.get(activity.teachers![0]!.duty.id)!.person!.id);
  expect(data!.activity.groups.map((g: { displayName: string }) => g.displayName)).toEqual(
    activity.groups.map((ref) => dataset.groups.get(ref.id)!.displayName),
  );
  expect(data!.missing).toBeNull();
});

test("a student's activities are those of the groups they belong to; Group.activities agrees", async () => {
  const taught = new Set([...dataset.activities.values()].flatMap((a) => a.groups.map((ref) => ref.id)));
  const group = [...dataset.groups.values()].find((g) => g.groupMemberships?.length && taught.has(g.id))!;
  const student = group.groupMemberships![0]!.person.id;
  const memberOf = new Set(
    [...dataset.groups.values()].filter((g) => g.groupMemberships?.some((m) => m.person.id === student)).map((g) => g.id),
  );
  const expected = [...dataset.activities.values()].filter((a) => a.groups.some((ref) => memberOf.has(ref.id))).map((a) => a.id);

  const { data, errors } = await graph.query<any>(
    `query ($student: ID!, $group: ID!) {
      person(id: $student) { activities { id } }
      group(id: $group) { activities { id groups { id } } }
    }`,
    { student, group: group.id },
  );
  expect(errors).toBeUndefined();
  expect(expected.length).toBeGreaterThan(0);
  expect(data!.group.activities.length).toBeGreaterThan(0);
  expect(data!.person.activities.map((a: { id: string }) => a.id).sort()).toEqual(expected.sort());
  for (const activity of data!.group.activities) expect(activity.groups.map((g: { id: string }) => g.id)).toContain(group.id);
});

test('a failing schedule producer nulls only the schedule link, with UPSTREAM_UNAVAILABLE naming it', async () => {
  const duty = dataset.activities.values().next().value!.teachers![0]!.duty.id;
  graph.producers.schedule.setFaults({ errorRate: 1 });
  const { data, errors } = await graph.query<any>(`query ($id: ID!) { duty(id: $id) { id activities { id } } }`, { id: duty });

  expect(data!.duty).toEqual({ id: duty, activities: null });
  expect(errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  expect(errors?.[0]?.message).toContain('schedule');
});

test('a schedule producer sending broken payloads is UPSTREAM_INVALID for its fields; register fields still answer', async () => {
  graph.producers.schedule.setFaults({ malformedRate: 1 });
  const { data, errors } = await graph.query<any>(`{
    rooms(first: 3) { edges { node { id } } }
    organisations(first: 1) { edges { node { id } } }
  }`);
  expect(data!.rooms).toBeNull();
  expect(data!.organisations.edges).toHaveLength(1);
  expect(errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_INVALID']);
});
