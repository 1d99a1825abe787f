// Under `protectedIdentities: alias` a protected person's relations are withheld from both ends
// (alias-relations.test.ts). A row relates two persons one more way: its subject and the person it
// names as the one who did something. A guardian who called in a protected student's absence, or
// registered a protected child's vistelseschema, would put the family's name beside the alias; a
// protected guardian who called in their child's absence would tie the child to a protected person.
// Those mentions are left out; a teacher who reported a lesson, or the staff who checked a child in,
// stay. Over real HTTP, by the person's own lists, by the root lists and by id.
import type * as W from '../../src/ss12000/wire';
import { generateMunicipality } from '../../src/demo/generator';
import { startE2E, type E2E } from '../support/e2e';
import { keyOf, writeSuppliers, type TestSupplier } from './support/suppliers';

const ALIAS: TestSupplier = {
  name: 'mentions-alias',
  units: 'all',
  scopes: ['standard', 'students', 'responsibles', 'placements', 'attendance'],
  protectedIdentities: 'alias',
};

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const persons = [...dataset.persons.values()];
const isProtected = (id: string | undefined): boolean => dataset.persons.get(id ?? '')?.securityMarking !== 'Ingen';
const guardiansOf = (p: W.Person): string[] => (p.responsibles ?? []).flatMap((r) => (r.person ? [r.person.id] : []));
const calledIn = (student: W.Person): W.Absence[] =>
  [...(dataset.absences.where?.('student.id', student.id) ?? [])].filter(
    (a) => a.type === 'Anmäld frånvaro' && a.registeredBy !== undefined && guardiansOf(student).includes(a.registeredBy.id),
  );

// A protected student whose unprotected guardian called in an absence.
const student = persons.find(
  (p) => isProtected(p.id) && p.enrolments?.length && calledIn(p).some((a) => !isProtected(a.registeredBy?.id)),
)!;
const absence = calledIn(student).find((a) => !isProtected(a.registeredBy?.id))!;
// A protected child's placement and vistelseschema, registered by a guardian.
const placement = [...dataset.placements.values()].find((p) => isProtected(p.child.id))!;
const schedule = [...(dataset.attendanceSchedule.where?.('placement.id', placement.id) ?? [])][0]!;
// An unprotected student whose protected guardian called in an absence: written here, the demo may have none.
const protectedGuardian = persons.find(
  (p) => isProtected(p.id) && persons.some((c) => !isProtected(c.id) && c.enrolments?.length && guardiansOf(c).includes(p.id)),
)!;
const childOfProtected = persons.find((c) => !isProtected(c.id) && c.enrolments?.length && guardiansOf(c).includes(protectedGuardian.id))!;
const byProtectedGuardian: W.Absence = {
  ...absence,
  id: '5b1f7c2e-3d4a-4e6b-8c9d-0a1b2c3d4e5f',
  student: { id: childOfProtected.id },
  organisation: childOfProtected.enrolments![0]!.enroledAt,
  registeredBy: { id: protectedGuardian.id },
};
dataset.absences.set(byProtectedGuardian.id, byProtectedGuardian);
// The control: an unprotected student, every relative unprotected, whose guardian called in.
const control = persons.find(
  (p) => !isProtected(p.id) && p.enrolments?.length && guardiansOf(p).every((g) => !isProtected(g)) && calledIn(p).length > 0,
)!;

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ dataset, suppliersPath: await writeSuppliers([ALIAS]), apiKey: keyOf(ALIAS) });
});
afterAll(() => stack.close());

const ABSENCES = 'absences { id type registeredBy { id givenName familyName } }';

test('the data holds what the scenarios need', () => {
  expect(absence.registeredBy).toBeDefined();
  expect(schedule.state[0]?.registeredBy?.id).toBe(placement.owners?.[0]?.id);
  expect(guardiansOf(childOfProtected)).toContain(protectedGuardian.id);
});

test("a protected student's absence called in by a guardian: served under the alias, without who called", async () => {
  const { data, errors } = await stack.query<any>(`query ($id: ID!) { person(id: $id) { givenName ${ABSENCES} } }`, { id: student.id });
  expect(errors).toBeUndefined();
  expect(data.person.givenName).toBe('Skyddad');
  const served = data.person.absences.find((a: any) => a.id === absence.id);
  expect(served).toMatchObject({ type: 'ANMALD_FRANVARO', registeredBy: null });
  const guardian = dataset.persons.get(absence.registeredBy!.id)!;
  expect(JSON.stringify(data)).not.toContain(guardian.familyName);
  // The same row from the root list and by id.
  const list = await stack.query<any>(
    `query ($s: ID!) { absences(student: $s, first: 1000) { edges { node { id registeredBy { id } } } } }`,
    {
      s: student.id,
    },
  );
  expect(list.errors).toBeUndefined();
  expect(list.data.absences.edges.find((e: any) => e.node.id === absence.id).node.registeredBy).toBeNull();
  const one = await stack.query<any>(`query ($id: ID!) { absence(id: $id) { id registeredBy { id } } }`, { id: absence.id });
  expect(one.data.absence).toEqual({ id: absence.id, registeredBy: null });
});

test('a teacher who reported the protected student at a lesson stays: a lesson is not a family', async () => {
  const { data } = await stack.query<any>(
    `query ($id: ID!) { person(id: $id) { attendances(startDate: "2026-09-01", endDate: "2026-09-30") { isReported reporter { id } } } }`,
    { id: student.id },
  );
  const reported = data.person.attendances.filter((a: any) => a.isReported);
  expect(reported.length).toBeGreaterThan(0);
  expect(reported.every((a: any) => a.reporter !== null)).toBe(true);
});

test("a protected child's vistelseschema registered by a guardian: served without who registered it; staff check-ins keep theirs", async () => {
  const { data, errors } = await stack.query<any>(
    `query ($id: ID!) { placement(id: $id) { child { id givenName attendanceEvents { registeredBy { id } } } owners { id } attendanceSchedules { id state { state registeredBy { id givenName familyName } } } } }`,
    { id: placement.id },
  );
  expect(errors).toBeUndefined();
  expect(data.placement.child.givenName).toBe('Skyddad');
  expect(data.placement.owners).toEqual([]);
  expect(data.placement.attendanceSchedules).toEqual([{ id: schedule.id, state: [{ state: 'GODKANT', registeredBy: null }] }]);
  const checkIns = data.placement.child.attendanceEvents;
  expect(checkIns.length).toBeGreaterThan(0);
  expect(checkIns.every((e: any) => e.registeredBy !== null)).toBe(true);
});

test('an unprotected child whose protected guardian called in: the absence is served, the protected guardian not named', async () => {
  const { data, errors } = await stack.query<any>(
    `query ($id: ID!) { absence(id: $id) { id student { id } registeredBy { id givenName } } }`,
    {
      id: byProtectedGuardian.id,
    },
  );
  expect(errors).toBeUndefined();
  expect(data.absence).toEqual({ id: byProtectedGuardian.id, student: { id: childOfProtected.id }, registeredBy: null });
});

test('the control: a guardian who called in for an unprotected child of an unprotected family is named', async () => {
  const [called] = calledIn(control);
  const { data } = await stack.query<any>(`query ($id: ID!) { absence(id: $id) { registeredBy { id familyName } } }`, { id: called!.id });
  expect(data.absence.registeredBy).toEqual({
    id: called!.registeredBy!.id,
    familyName: dataset.persons.get(called!.registeredBy!.id)!.familyName,
  });
});

test('filtering absences by who registered them does not find the protected student through the guardian', async () => {
  const guardian = absence.registeredBy!.id;
  const found = async (registeredBy: string): Promise<string[]> => {
    const { data, errors } = await stack.query<any>(
      `query ($r: ID!) { absences(registeredBy: $r, first: 1000) { edges { node { id student { id } } } } }`,
      { r: registeredBy },
    );
    expect(errors).toBeUndefined();
    return data.absences.edges.map((e: any) => e.node.id);
  };
  const byGuardian = await found(guardian);
  expect(byGuardian).not.toContain(absence.id);
  expect(byGuardian.filter((id) => calledIn(student).some((a) => a.id === id))).toEqual([]);
  // The control: the same filter finds an unprotected family's call.
  const [called] = calledIn(control);
  expect(await found(called!.registeredBy!.id)).toContain(called!.id);
});
