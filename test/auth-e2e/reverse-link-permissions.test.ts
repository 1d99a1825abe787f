// The scenarios' reverse links are fields like any other: a supplier reads one only when a preset
// names it, and a link does not open the rows behind it to a supplier its presets keep them from.
import { generateMunicipality } from '../../src/demo/generator';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const lmsUnit = [...dataset.organisations.values()].find((o) => o.schoolUnitCode === '91000095')!;

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ dataset });
});
afterAll(() => stack.close());

const forbidden = (errors: { extensions?: Record<string, unknown> }[] | undefined): unknown[] =>
  (errors ?? []).map((e) => [e.extensions?.['code'], e.extensions?.['field']]).sort();

test("demo-lms (students, groups, duties) lists its unit's persons and duties, not its activities or placements", async () => {
  const { data, errors } = await stack.query<any>(
    `query ($u: ID!) { organisation(id: $u) {
      persons(first: 2) { edges { node { id givenName } } }
      duties(first: 2) { edges { node { id } } }
      activities(first: 2) { edges { node { id } } }
      placements(first: 2) { edges { node { id } } }
    } }`,
    { u: lmsUnit.id },
    { apiKey: DEMO_KEYS.lms },
  );
  expect(data.organisation.persons.edges).toHaveLength(2);
  expect(data.organisation.duties.edges).toHaveLength(2);
  expect(data.organisation.activities).toBeNull();
  expect(data.organisation.placements).toBeNull();
  expect(forbidden(errors)).toEqual([
    ['FORBIDDEN', 'Organisation.activities'],
    ['FORBIDDEN', 'Organisation.placements'],
  ]);
});

test('demo-analytics (no names) gets no persons through a school unit', async () => {
  const { data, errors } = await stack.query<any>(
    '{ organisations(first: 5) { edges { node { id persons(first: 5) { edges { node { id } } } } } } }',
    undefined,
    {
      apiKey: DEMO_KEYS.analytics,
    },
  );
  expect(data.organisations.edges.length).toBeGreaterThan(0);
  for (const { node } of data.organisations.edges) expect(node.persons).toBeNull();
  expect(new Set(forbidden(errors).map((entry) => JSON.stringify(entry)))).toEqual(
    new Set([JSON.stringify(['FORBIDDEN', 'Organisation.persons'])]),
  );
});

test("demo-attendance (per-lesson attendance, students by id) cannot read a lesson's class list through expectedStudents", async () => {
  const { data, errors } = await stack.query<any>(
    '{ attendances(first: 1) { edges { node { calendarEvent { id expectedStudents { id } } } } } }',
    undefined,
    { apiKey: DEMO_KEYS.attendance },
  );
  const event = data.attendances.edges[0].node.calendarEvent;
  expect(event.expectedStudents).toBeNull();
  expect(forbidden(errors)).toEqual([['FORBIDDEN', 'CalendarEvent.expectedStudents']]);
});

test("demo-attendance reads a child's check-ins through the person, which its attendance preset opens", async () => {
  const placement = [...dataset.placements.values()][0]!;
  const { data, errors } = await stack.query<any>(
    'query ($c: ID!) { attendanceEvents(person: $c, first: 1) { edges { node { person { id attendanceEvents { id } } } } } }',
    { c: placement.child.id },
    { apiKey: DEMO_KEYS.attendance },
  );
  expect(errors).toBeUndefined();
  expect(data.attendanceEvents.edges[0].node.person.attendanceEvents.length).toBeGreaterThan(0);
});
