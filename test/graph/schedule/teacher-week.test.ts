// A teacher's week in one query: duty (register) → activities (schedule) → calendar events with rooms
// (schedule) and the activities' groups (register), joined by the gateway.
import type * as W from '../../../src/ss12000/wire';
import { generateMunicipality } from '../../../src/demo/generator';
import { startE2E, type E2E } from '../../support/e2e';

const WEEK = { start: '2026-08-24T00:00:00+02:00', end: '2026-08-28T23:59:59+02:00' };

const TEACHER_WEEK = `
  query TeacherWeek($duty: ID!, $start: DateTime!, $end: DateTime!) {
    duty(id: $duty) {
      person { givenName familyName }
      activities {
        id
        displayName
        groups { id displayName }
        calendarEvents(start: $start, end: $end) {
          id
          startTime
          rooms { id displayName }
        }
      }
    }
  }`;

const inWeek = (event: W.CalendarEvent): boolean =>
  Date.parse(event.startTime) >= Date.parse(WEEK.start) && Date.parse(event.startTime) <= Date.parse(WEEK.end);

/** What the producers hold for the first duty that teaches: its activities and their events that week. */
const expectedWeek = () => {
  const data = dataset;
  const activities = [...data.activities.values()];
  const dutyId = activities.find((activity) => activity.teachers?.length)!.teachers![0]!.duty.id;
  const taught = activities.filter((activity) => activity.teachers?.some((assignment) => assignment.duty.id === dutyId));
  const events = [...data.calendarEvents.values()].filter(inWeek);
  return {
    dutyId,
    activities: new Map(taught.map((activity) => [activity.id, events.filter((event) => event.activity.id === activity.id)])),
  };
};

const dataset = generateMunicipality({ seed: 7, students: 300 });

let graph: E2E;
beforeAll(async () => {
  graph = await startE2E({ dataset, tuning: { maxBatchSize: 1000 } });
});
afterAll(() => graph.close());

test("a teacher's week: duty → activities → calendar events with rooms and groups, in one query", async () => {
  const expected = expectedWeek();
  const { data, errors } = await graph.query<any>(TEACHER_WEEK, { duty: expected.dutyId, ...WEEK });

  expect(errors).toBeUndefined();
  const duty = data!.duty;
  expect(duty.person.givenName).toEqual(expect.any(String));
  expect(new Set(duty.activities.map((a: { id: string }) => a.id))).toEqual(new Set(expected.activities.keys()));
  let lessons = 0;
  for (const activity of duty.activities) {
    const wanted = expected.activities.get(activity.id)!;
    const group = dataset.groups.get(activity.groups[0].id)!;
    expect(activity.groups[0].displayName).toBe(group.displayName);
    expect(activity.calendarEvents.map((e: { id: string }) => e.id).sort()).toEqual(wanted.map((e) => e.id).sort());
    for (const event of activity.calendarEvents) {
      const source = wanted.find((e) => e.id === event.id)!;
      expect(event.rooms.map((r: { displayName: string }) => r.displayName)).toEqual(
        (source.rooms ?? []).map((ref) => dataset.rooms.get(ref.id)!.displayName),
      );
      lessons += 1;
    }
  }
  expect(lessons).toBeGreaterThan(0);
});

test('calendar events come back in start order', async () => {
  const { dutyId } = expectedWeek();
  const { data } = await graph.query<any>(TEACHER_WEEK, { duty: dutyId, ...WEEK });
  for (const activity of data!.duty.activities) {
    const starts = activity.calendarEvents.map((e: { startTime: string }) => Date.parse(e.startTime));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  }
});
