// The scenario reverse links are batched per request: the producer calls do not grow with the rows
// that ask (a unit's classes asking for mentors, a room's lessons asking who is expected, a unit's
// placements asking for schedules).
import { generateMunicipality } from '../../src/demo/generator';
import { startE2E, type E2E } from '../support/e2e';

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const unit = [...dataset.organisations.values()].find((o) => o.schoolUnitCode === '91000095')!;
const rooms = [...dataset.rooms.values()].filter((r) => r.owner.id === unit.id).slice(0, 6);
const WEEK = { start: '2026-09-07T00:00:00+02:00', end: '2026-09-11T23:59:59+02:00' };

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ dataset, tuning: { maxBatchSize: 1000 } });
});
afterAll(() => stack.close());

const resetStats = (): void => Object.values(stack.producers).forEach((producer) => producer.resetStats());
const routes = (producer: keyof E2E['producers']): Record<string, number> => stack.producers[producer].stats().byRoute;

test("every class's mentors and mentor duties: one walk of the unit's duties, one persons lookup", async () => {
  resetStats();
  const { data, errors } = await stack.query<any>(
    'query ($u: ID!) { organisation(id: $u) { groups(groupType: [KLASS]) { id mentors { id } duties(assignmentRoleType: [MENTOR]) { id } } } }',
    { u: unit.id },
  );
  expect(errors).toBeUndefined();
  expect(data.organisation.groups.length).toBeGreaterThan(3);
  for (const group of data.organisation.groups) expect(group.mentors.length).toBeGreaterThan(0);
  expect(routes('register')).toEqual({ 'POST /organisations/lookup': 1, 'GET /groups': 1, 'GET /duties': 1, 'POST /persons/lookup': 1 });
});

test("rooms' weeks with the students expected at each lesson: one walk of the owner's events however many rooms ask, one lookup each for activities, groups and persons", async () => {
  const document = (count: number): string =>
    `query ($start: DateTime!, $end: DateTime!) { ${rooms
      .slice(0, count)
      .map((room, i) => `r${i}: room(id: "${room.id}") { calendarEvents(start: $start, end: $end) { id expectedStudents { id } } }`)
      .join(' ')} }`;
  resetStats();
  const one = await stack.query<any>(document(1), WEEK);
  expect(one.errors).toBeUndefined();
  const walk = routes('schedule')['GET /calendarEvents'];
  expect(walk).toBeGreaterThan(0);

  resetStats();
  const { data, errors } = await stack.query<any>(document(rooms.length), WEEK);
  expect(errors).toBeUndefined();
  const events = Object.values(data).flatMap((room: any) => room.calendarEvents);
  expect(events.length).toBeGreaterThan(20);
  for (const event of events) expect(event.expectedStudents.length).toBeGreaterThan(0);
  expect(routes('schedule')).toEqual({ 'POST /rooms/lookup': 1, 'GET /calendarEvents': walk, 'POST /activities/lookup': 1 });
  expect(routes('register')).toEqual({ 'POST /groups/lookup': 1, 'POST /persons/lookup': 1 });
});

test("a unit's placements with their attendance schedules and the children's check-ins: one lookup each", async () => {
  resetStats();
  const { data, errors } = await stack.query<any>(
    'query ($u: ID!) { organisation(id: $u) { placements(first: 100) { edges { node { attendanceSchedules { id } child { attendanceEvents { id } } } } } } }',
    { u: unit.id },
  );
  expect(errors).toBeUndefined();
  expect(data.organisation.placements.edges.length).toBeGreaterThan(10);
  expect(routes('attendance')).toEqual({ 'POST /attendanceSchedule/lookup': 1, 'POST /attendanceEvents/lookup': 1 });
});
