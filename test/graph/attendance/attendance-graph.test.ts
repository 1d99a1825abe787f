// The attendance subgraph through the gateway: lists with typed filters, enums, by-id fields and the
// reverse links it contributes (CalendarEvent.attendances, Person.attendances, Person.absences).
import type * as W from '../../../src/ss12000/wire';
import { generateMunicipality } from '../../../src/demo/generator';
import { startE2E, type E2E } from '../../support/e2e';

const dataset = generateMunicipality({ seed: 7, students: 300 });

let graph: E2E;

/** Requests that reached the demo producers since their stats were reset, per route. */
const requestsByRoute = (stack: E2E): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const producer of Object.values(stack.producers)) {
    for (const [route, n] of Object.entries(producer.stats().byRoute)) counts[route] = (counts[route] ?? 0) + n;
  }
  return counts;
};
beforeAll(async () => {
  graph = await startE2E({ dataset, tuning: { maxBatchSize: 1000 } });
});
afterAll(() => graph.close());

/** A student with both kinds of pre-reported absence in the dataset. */
const studentWithAbsences = (): { id: string; absences: W.Absence[] } => {
  const all = [...dataset.absences.values()];
  const id = all.find((a) => a.type === 'Anmäld frånvaro')!.student.id;
  return { id, absences: all.filter((a) => a.student.id === id) };
};

test('aggregatedAttendances: one row per (activity, student) over the window, activity resolved by schedule', async () => {
  const student = dataset.attendances.values().next().value!.student.id;
  const window = { startDate: '2026-09-01', endDate: '2026-09-30' };
  const expected = [...dataset.aggregatedAttendance({ ...window, student: [student] })];
  const { data, errors } = await graph.query<any>(
    `query ($from: Date!, $to: Date!, $student: ID!) {
      aggregatedAttendances(startDate: $from, endDate: $to, student: [$student], first: 100) {
        edges { node { activity { id displayName } student { id } attendanceSum offeredSum } }
        pageInfo { hasNextPage }
      }
    }`,
    { from: window.startDate, to: window.endDate, student },
  );

  expect(errors).toBeUndefined();
  const rows = data!.aggregatedAttendances.edges.map((edge: { node: unknown }) => edge.node);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows).toEqual(
    expected.map((row) => ({
      activity: { id: row.activity.id, displayName: dataset.activities.get(row.activity.id)!.displayName },
      student: { id: student },
      attendanceSum: row.attendanceSum,
      offeredSum: row.offeredSum,
    })),
  );
});

test('aggregatedAttendances refuses a window that ends before it starts', async () => {
  const { errors } = await graph.query<any>(`{
    aggregatedAttendances(startDate: "2026-09-30", endDate: "2026-09-01") { edges { cursor } }
  }`);
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test("absences typed by the SS 12000 enum: filter ANMALD_FRANVARO, and Person.absences lists the student's all", async () => {
  const student = studentWithAbsences();
  const { data, errors } = await graph.query<any>(
    `query ($id: ID!) {
      absences(student: $id, type: ANMALD_FRANVARO, first: 500) { edges { node { id type student { id } } } }
      person(id: $id) { absences { id type } }
    }`,
    { id: student.id },
  );

  expect(errors).toBeUndefined();
  const reported = student.absences.filter((a) => a.type === 'Anmäld frånvaro');
  expect(data!.absences.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(reported.map((a) => a.id).sort());
  expect(new Set(data!.absences.edges.map((e: { node: { type: string } }) => e.node.type))).toEqual(new Set(['ANMALD_FRANVARO']));
  expect(data!.person.absences).toHaveLength(student.absences.length);
});

test('attendanceEvents by person: check-ins and check-outs typed IN/UT, groups and persons resolved by register', async () => {
  const event = dataset.attendanceEvents.values().next().value!;
  const expected = [...dataset.attendanceEvents.values()].filter((e) => e.person.id === event.person.id);
  const { data, errors } = await graph.query<any>(
    `query ($person: ID!) {
      attendanceEvents(person: $person, first: 500) { edges { node { id eventType group { id displayName } person { familyName } } } }
    }`,
    { person: event.person.id },
  );

  expect(errors).toBeUndefined();
  const nodes = data!.attendanceEvents.edges.map((e: { node: unknown }) => e.node);
  expect(nodes.map((n: { id: string }) => n.id).sort()).toEqual(expected.map((e) => e.id).sort());
  const first = nodes.find((n: { id: string }) => n.id === event.id);
  expect(first.eventType).toBe(event.eventType === 'In' ? 'IN' : 'UT');
  expect(first.group.displayName).toBe(dataset.groups.get(event.group.id)!.displayName);
  expect(first.person.familyName).toBe(dataset.persons.get(event.person.id)!.familyName);
});

test('by id: a known attendance, null for an unknown id, BAD_USER_INPUT for a malformed one', async () => {
  const row = dataset.attendances.values().next().value!;
  const { data } = await graph.query<any>(
    `query ($id: ID!) {
      attendance(id: $id) { id isReported student { id } }
      unknown: absence(id: "00000000-0000-4000-8000-000000000000") { id }
    }`,
    { id: row.id },
  );
  expect(data).toEqual({ attendance: { id: row.id, isReported: row.isReported, student: { id: row.student.id } }, unknown: null });

  const malformed = await graph.query<any>(`{ attendance(id: "not an id!") { id } }`);
  expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('CalendarEvent.attendances and Person.attendances cost one lookup for 3 parents and for 30', async () => {
  const cost = async (first: number) => {
    Object.values(graph.producers).forEach((producer) => producer.resetStats());
    const { data, errors } = await graph.query<any>(
      `query ($first: Int!) {
        calendarEvents(startTimeOnOrAfter: "2026-09-07T00:00:00Z", startTimeOnOrBefore: "2026-09-11T23:59:59Z", first: $first) {
          edges { node { id attendances { id student { id } } } }
        }
        persons(first: $first) { edges { node { id attendances(startDate: "2026-09-07", endDate: "2026-09-11") { id } } } }
      }`,
      { first },
    );
    expect(errors).toBeUndefined();
    const routes = requestsByRoute(graph);
    return {
      parents: data!.calendarEvents.edges.length + data!.persons.edges.length,
      lookups: { attendances: routes['POST /attendances/lookup'], calendarEvents: routes['POST /calendarEvents/lookup'] },
    };
  };
  const few = await cost(3);
  const many = await cost(30);

  expect(many.parents).toBe(60);
  // One lookup for the events' rows plus one for the persons' (two fields, two loaders), one for lesson dates.
  expect(few.lookups).toEqual({ attendances: 2, calendarEvents: 1 });
  expect(many.lookups).toEqual(few.lookups);
});
