// The förskola under the row scope, through the gateway: a supplier given the förskola (by its school
// unit code, as suppliers.yaml names units) sees its children, their guardians and staff, placements,
// vistelsescheman and check-ins; the LMS supplier of a school unit does not see a förskola child at
// all — null by id, absent from lists — even a younger sibling of one of its own students.
import { generateMunicipality } from '../../src/demo/generator';
import type * as W from '../../src/ss12000/wire';
import { startE2E, type E2E } from '../support/e2e';
import { schoolUnitByCode, unitTruth } from './support/expected';
import { DEMO_LMS, keyOf, writeSuppliers, type TestSupplier } from './support/suppliers';

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const preschool = [...dataset.organisations.values()].find((o) => o.schoolTypes?.includes('FS')) as W.Organisation;
const truth = unitTruth(dataset, preschool.id);
const placements = [...(dataset.placements.where?.('placedAt.id', preschool.id) ?? [])];
const children = new Set(placements.map((p) => p.child.id));
const schedules = placements.flatMap((p) => [...(dataset.attendanceSchedule.where?.('placement.id', p.id) ?? [])]);
const lmsUnit = schoolUnitByCode(dataset, '91000095');
/** A förskola child whose older sibling goes to the LMS supplier's school: the guardians are shared. */
const sibling = placements
  .map((p) => dataset.persons.get(p.child.id) as W.Person)
  .find((child) => {
    const guardian = child.responsibles?.[0]?.person?.id as string;
    return [...(dataset.persons.where?.('responsibles.person.id', guardian) ?? [])].some((p) =>
      p.enrolments?.some((e) => e.enroledAt.id === lmsUnit),
    );
  }) as W.Person;

const PRESCHOOL: TestSupplier = {
  name: 'preschool-app',
  units: [preschool.schoolUnitCode as string],
  scopes: ['standard', 'students', 'groups', 'duties', 'placements', 'attendance'],
  protectedIdentities: 'alias',
};

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ dataset, suppliersPath: await writeSuppliers([PRESCHOOL, DEMO_LMS]) });
});
afterAll(() => stack.close());

const ask = async (supplier: TestSupplier, query: string, variables: Record<string, unknown> = {}): Promise<any> => {
  const answer = await stack.query<any>(query, variables, { apiKey: keyOf(supplier) });
  expect(answer.errors).toBeUndefined();
  return answer.data;
};

/** Every id a paged top-level list serves the supplier. */
const listIds = async (supplier: TestSupplier, field: string): Promise<string[]> => {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const data = await ask(
      supplier,
      `query ($after: String) { ${field}(first: 200, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    ids.push(...data[field].edges.map((e: { node: { id: string } }) => e.node.id));
    if (!data[field].pageInfo.hasNextPage) return ids;
    after = data[field].pageInfo.endCursor;
  }
  throw new Error(`${field}: more than 20 pages`);
};

test('the data has what the scenarios need: a förskola with children, one of them a sibling of an LMS student', () => {
  expect(children.size).toBeGreaterThan(100);
  expect(schedules).toHaveLength(placements.length);
  expect(sibling).toBeDefined();
});

test('the förskola supplier lists exactly its children, their guardians and its staff', async () => {
  const served = await listIds(PRESCHOOL, 'persons');
  expect(new Set(served)).toEqual(truth.persons);
  for (const child of children) expect(served).toContain(child);
});

test('the förskola supplier sees its placements (FS, in an avdelning, with child and owners) and nothing else', async () => {
  expect(new Set(await listIds(PRESCHOOL, 'placements'))).toEqual(new Set(placements.map((p) => p.id)));
  const placement = placements.find((p) => p.child.id === sibling.id) as W.Placement;
  const data = await ask(
    PRESCHOOL,
    'query ($id: ID!) { placement(id: $id) { schoolType reason placedAt { id } group { id groupType } child { id } owners { id } } }',
    { id: placement.id },
  );
  expect(data.placement).toMatchObject({
    schoolType: 'FS',
    placedAt: { id: preschool.id },
    group: { id: placement.group?.id, groupType: 'AVDELNING' },
    child: { id: sibling.id },
  });
  expect(data.placement.owners.map((o: { id: string }) => o.id)).toEqual(placement.owners?.map((o) => o.id));
  // Every reason the spec has for a förskola placement comes through the graph's enum.
  const all = await ask(PRESCHOOL, '{ placements(first: 200) { edges { node { schoolType reason maxWeeklyScheduleHours } } } }');
  const nodes = all.placements.edges.map((e: { node: unknown }) => e.node);
  expect(new Set(nodes.map((n: { reason: string }) => n.reason)).size).toBe(3);
  expect(nodes.every((n: { schoolType: string }) => n.schoolType === 'FS')).toBe(true);
});

test('the förskola supplier sees the vistelsescheman of its placements and the check-ins of its children', async () => {
  expect(new Set(await listIds(PRESCHOOL, 'attendanceSchedules'))).toEqual(new Set(schedules.map((s) => s.id)));
  const events = [...(dataset.attendanceEvents.where?.('person.id', sibling.id) ?? [])];
  const data = await ask(PRESCHOOL, 'query ($p: ID!) { attendanceEvents(person: $p, first: 50) { edges { node { id group { id } } } } }', {
    p: sibling.id,
  });
  expect(data.attendanceEvents.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(events.map((e) => e.id).sort());
});

test('the förskola supplier does not see the school sibling', async () => {
  const guardian = sibling.responsibles?.[0]?.person?.id as string;
  const older = [...(dataset.persons.where?.('responsibles.person.id', guardian) ?? [])].find((p) => p.enrolments?.length) as W.Person;
  expect(await ask(PRESCHOOL, 'query ($id: ID!) { person(id: $id) { id } }', { id: older.id })).toEqual({ person: null });
});

test('the LMS supplier of a school unit: a förskola child is null by id and in no list, its sibling’s guardian is served', async () => {
  expect(await ask(DEMO_LMS, 'query ($id: ID!) { person(id: $id) { id } }', { id: sibling.id })).toEqual({ person: null });
  const served = new Set(await listIds(DEMO_LMS, 'persons'));
  expect(served.has(sibling.responsibles?.[0]?.person?.id as string)).toBe(true);
  expect([...children].filter((id) => served.has(id))).toEqual([]);
  const groups = await listIds(DEMO_LMS, 'groups');
  expect(groups.filter((id) => dataset.groups.get(id)?.groupType === 'Avdelning')).toEqual([]);
});
