// A lesson's times as people read them: the same instant as startTime, written in a zone.
import { DEMO_KEYS, startE2E, type E2E } from '../../support/e2e';

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ students: 30 });
});
afterAll(() => stack.close());

type Events = {
  calendarEvents: {
    edges: { node: { startTime: string; endTime: string; localStartTime: string; localEndTime: string; newYork: string } }[];
  };
};

const QUERY = `query ($from: DateTime!, $to: DateTime!) {
  calendarEvents(first: 5, startTimeOnOrAfter: $from, startTimeOnOrBefore: $to) {
    edges { node { startTime endTime localStartTime localEndTime newYork: localStartTime(timeZone: "America/New_York") } }
  }
}`;

test.each([
  // Summer time in Sweden (UTC+2) and winter time (UTC+1): the offset follows the date.
  ['2026-09-01T00:00:00Z', '2026-09-05T00:00:00Z', '+02:00', '-04:00'],
  ['2026-11-09T00:00:00Z', '2026-11-13T00:00:00Z', '+01:00', '-05:00'],
])(
  'lessons from %s are written as Europe/Stockholm wall time (%s) by default, or in the zone asked for',
  async (from, to, stockholm, newYork) => {
    const { data, errors } = await stack.query<Events>(QUERY, { from, to }, { apiKey: DEMO_KEYS.full });
    expect(errors).toBeUndefined();
    const lessons = data!.calendarEvents.edges.map((edge) => edge.node);
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) {
      expect(lesson.localStartTime.endsWith(stockholm)).toBe(true);
      expect(lesson.newYork.endsWith(newYork)).toBe(true);
      // Same instants, other words.
      expect(Date.parse(lesson.localStartTime)).toBe(Date.parse(lesson.startTime));
      expect(Date.parse(lesson.localEndTime)).toBe(Date.parse(lesson.endTime));
      expect(Date.parse(lesson.newYork)).toBe(Date.parse(lesson.startTime));
      // School days start in the morning, local time.
      const hour = Number(lesson.localStartTime.slice(11, 13));
      expect(hour).toBeGreaterThanOrEqual(7);
      expect(hour).toBeLessThanOrEqual(17);
    }
  },
);

test('an unknown zone is BAD_USER_INPUT naming timeZone', async () => {
  const { errors } = await stack.query(
    '{ calendarEvents(first: 1, startTimeOnOrAfter: "2026-09-01T00:00:00Z", startTimeOnOrBefore: "2026-09-05T00:00:00Z") { edges { node { localStartTime(timeZone: "Europe/Atlantis") } } } }',
  );
  expect(errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'timeZone' }) }),
  ]);
});

test('a local time is served exactly where its UTC twin is: the same grant', async () => {
  const ask = async (field: string, apiKey: string) => {
    const { errors } = await stack.query(
      `{ attendanceEvents(first: 1) { edges { node { ${field} } } } absences(first: 1) { edges { node { ${field === 'time' ? 'startTime' : 'localStartTime'} } } } }`,
      undefined,
      { apiKey },
    );
    return (errors ?? []).map((error) => error.extensions?.['code']);
  };
  for (const apiKey of [DEMO_KEYS.lms, DEMO_KEYS.attendance, DEMO_KEYS.full])
    expect(await ask('localTime', apiKey)).toEqual(await ask('time', apiKey));
  // And the narrow supplier is indeed refused both.
  expect((await ask('localTime', DEMO_KEYS.lms)).length).toBeGreaterThan(0);
});
