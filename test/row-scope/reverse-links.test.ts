// The scenario reverse links (Organisation.persons, CalendarEvent.expectedStudents, Room.calendarEvents,
// Organisation.placements …) under the row scope, over real HTTP. A supplier limited to unit A tries
// to reach unit B's persons through them, with the data rigged the way a producer might have it: a
// student of B in a class of A, and a lesson of A whose student exceptions add another student of B.
// Neither may appear; a protected student of A appears under alias (or not at all under exclude).
import { generateMunicipality } from '../../src/demo/generator';
import type * as W from '../../src/ss12000/wire';
import { startE2E, type E2E } from '../support/e2e';
import { secretsOf } from './support/bypass-cases';
import { otherUnit, unitTruth } from './support/expected';
import { keyOf, writeSuppliers, type TestSupplier } from './support/suppliers';

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const isProtected = (id: string): boolean => dataset.persons.get(id)?.securityMarking !== 'Ingen';
const unit = [...dataset.organisations.values()].find(
  (o) =>
    o.organisationType === 'Skolenhet' &&
    [...unitTruth(dataset, o.id).students].some((id) => isProtected(id) && dataset.persons.get(id)?.enrolments?.length),
)!;
const truth = unitTruth(dataset, unit.id);
const other = otherUnit(dataset, unit.id);
const hidden = dataset.persons.get([...truth.students].find((id) => isProtected(id) && dataset.persons.get(id)?.enrolments?.length)!)!;
const [outsider, outsider2] = [...unitTruth(dataset, other).students]
  .filter((id) => !truth.persons.has(id) && !isProtected(id))
  .map((id) => dataset.persons.get(id)!);
const klass = [...dataset.groups.values()].find(
  (g) => g.groupType === 'Klass' && g.groupMemberships?.some((m) => m.person.id === hidden.id),
)!;
const activity = [...dataset.activities.values()].find((a) => a.groups?.some((g) => g.id === klass.id))!;
const lesson = [...(dataset.calendarEvents.where?.('activity.id', activity.id) ?? [])].find((e) => e.startTime.startsWith('2026-09'))!;
const day = lesson.startTime.slice(0, 10);
const WINDOW = { start: `${day}T00:00:00+02:00`, end: `${day}T23:59:59+02:00` };
const room = lesson.rooms![0]!.id;
const foreignRoom = [...dataset.rooms.values()].find((r) => r.owner.id === other)!;
const foreignLesson = [...dataset.calendarEvents.values()].find((e) => dataset.activities.get(e.activity.id)!.organisation.id === other)!;

// The rigging: what a producer could hold, and the gateway must not pass on.
dataset.groups.set(klass.id, { ...klass, groupMemberships: [...klass.groupMemberships!, { person: { id: outsider!.id } }] } as W.Group);
dataset.calendarEvents.set(lesson.id, {
  ...lesson,
  studentExceptions: [{ student: { id: outsider2!.id }, participates: true }],
} as W.CalendarEvent);

const scopes: TestSupplier['scopes'] = ['standard', 'students', 'groups', 'duties', 'activities', 'placements', 'attendance'];
const ALIAS: TestSupplier = { name: 'unit-alias', units: [unit.schoolUnitCode!], scopes, protectedIdentities: 'alias' };
const EXCLUDE: TestSupplier = { name: 'unit-exclude', units: [unit.schoolUnitCode!], scopes, protectedIdentities: 'exclude' };
/** Sees every unit: the control that shows the rigging reaches the producers. */
const EVERY_UNIT: TestSupplier = { name: 'every-unit', units: 'all', scopes, protectedIdentities: 'alias' };

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ dataset, suppliersPath: await writeSuppliers([ALIAS, EXCLUDE, EVERY_UNIT]) });
});
afterAll(() => stack.close());

const ask = async (supplier: TestSupplier, query: string, variables: Record<string, unknown> = {}): Promise<any> => {
  const answer = await stack.query<any>(query, variables, { apiKey: keyOf(supplier) });
  expect(answer.errors).toBeUndefined();
  const text = JSON.stringify(answer);
  for (const secret of [...secretsOf(outsider), ...secretsOf(outsider2), ...secretsOf(hidden)]) expect(text).not.toContain(secret);
  return answer.data;
};
const ids = (persons: { id: string }[]): string[] => persons.map((p) => p.id);

test("Organisation.persons: only the unit's persons, not the other unit's student put in its class; the protected one under alias", async () => {
  const served: { id: string; givenName: string }[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const data = await ask(
      ALIAS,
      'query ($u: ID!, $after: String) { organisation(id: $u) { persons(first: 200, after: $after) { edges { node { id givenName familyName } } pageInfo { hasNextPage endCursor } } } }',
      { u: unit.id, after },
    );
    served.push(...data.organisation.persons.edges.map((e: any) => e.node));
    if (!data.organisation.persons.pageInfo.hasNextPage) break;
    after = data.organisation.persons.pageInfo.endCursor;
  }
  expect(served.length).toBeGreaterThan(100);
  for (const id of ids(served)) expect(truth.persons.has(id)).toBe(true);
  expect(ids(served)).not.toContain(outsider!.id);
  expect(served.find((p) => p.id === hidden.id)).toMatchObject({ givenName: 'Skyddad' });

  const foreign = await ask(ALIAS, 'query ($u: ID!) { organisation(id: $u) { id persons(first: 10) { edges { node { id } } } } }', {
    u: other,
  });
  expect(foreign.organisation).toBeNull();
});

test("CalendarEvent.expectedStudents: the class's members of the unit; neither the planted member nor the planted exception; alias kept, exclude drops", async () => {
  const query = 'query ($e: ID!) { calendarEvent(id: $e) { id expectedStudents { id givenName familyName } } }';
  const aliased = await ask(ALIAS, query, { e: lesson.id });
  const expected = klass.groupMemberships!.map((m) => m.person.id);
  expect(ids(aliased.calendarEvent.expectedStudents).sort()).toEqual([...expected].sort());
  expect(aliased.calendarEvent.expectedStudents.find((p: any) => p.id === hidden.id)).toMatchObject({ givenName: 'Skyddad' });

  const excluded = await ask(EXCLUDE, query, { e: lesson.id });
  expect(ids(excluded.calendarEvent.expectedStudents).sort()).toEqual(expected.filter((id) => id !== hidden.id).sort());

  const foreign = await ask(ALIAS, query, { e: foreignLesson.id });
  expect(foreign.calendarEvent).toBeNull();

  // The control: a supplier of every unit is expected to find both planted students there.
  const control = await stack.query<any>(query, { e: lesson.id }, { apiKey: keyOf(EVERY_UNIT) });
  expect(ids(control.data.calendarEvent.expectedStudents).sort()).toEqual([...expected, outsider!.id, outsider2!.id].sort());
});

test("Room.calendarEvents: the unit's room shows its lessons' students of the unit only; the other unit's room is not there", async () => {
  const query =
    'query ($r: ID!, $start: DateTime!, $end: DateTime!) { room(id: $r) { id calendarEvents(start: $start, end: $end) { id expectedStudents { id givenName } } } }';
  const data = await ask(ALIAS, query, { r: room, ...WINDOW });
  const events = data.room.calendarEvents;
  expect(ids(events)).toContain(lesson.id);
  for (const event of events) for (const id of ids(event.expectedStudents)) expect(truth.students.has(id)).toBe(true);

  const excluded = await ask(EXCLUDE, query, { r: room, ...WINDOW });
  for (const event of excluded.room.calendarEvents) expect(ids(event.expectedStudents)).not.toContain(hidden.id);

  const foreign = await ask(ALIAS, query, { r: foreignRoom.id, ...WINDOW });
  expect(foreign.room).toBeNull();
});

test('Organisation.placements, Person.placements and Group.mentors stay within the unit', async () => {
  const data = await ask(
    ALIAS,
    `query ($u: ID!, $g: ID!) {
      organisation(id: $u) { placements(first: 200) { edges { node { id placedAt { id } child { id givenName placements { id } } } } } }
      group(id: $g) { mentors { id } duties(assignmentRoleType: [MENTOR]) { dutyAt { id } } }
    }`,
    { u: unit.id, g: klass.id },
  );
  const placements = data.organisation.placements.edges.map((e: any) => e.node);
  for (const placement of placements) {
    expect(placement.placedAt.id).toBe(unit.id);
    expect(truth.students.has(placement.child.id)).toBe(true);
    for (const own of placement.child.placements) expect(dataset.placements.get(own.id)!.placedAt.id).toBe(unit.id);
  }
  expect(data.group.mentors.length).toBeGreaterThan(0);
  for (const id of ids(data.group.mentors)) expect(truth.staff.has(id)).toBe(true);
  for (const duty of data.group.duties) expect(duty.dutyAt.id).toBe(unit.id);
});
