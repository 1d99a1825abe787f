// Every way around a write permission, over real HTTP: no write grant, another grant's mutation, a
// student, group or row of another unit (answered exactly as an unknown id), a protected person under
// `exclude` (the same) and under `alias` (written by the id the supplier sees, nothing real served back),
// the contract schema, and a request signed straight to the attendance subgraph without the grant.
import { generateMunicipality } from '../../src/demo/generator';
import type * as W from '../../src/ss12000/wire';
import {
  absenceInput,
  CHECK_IN,
  checkInAt,
  checkInInput,
  CREATE_ABSENCE,
  CREATE_ABSENCE_NAMES,
  DELETE_EVENT,
  elsewhere,
  firstUnit,
  protectedStudent,
  sent,
  studentOf,
  writeSuppliersFile,
} from '../graph/attendance/support/writes';
import { keyOf } from '../row-scope/support/suppliers';
import { startE2E, type E2E } from '../support/e2e';
import { bearer, callerWith, codes, postSigned } from './support';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('write permissions', () => {
  let stack: E2E;
  let unit: W.Organisation;
  const as = (supplier: string) => (query: string, variables?: Record<string, unknown>) =>
    stack.query<any>(query, variables, { apiKey: keyOf(supplier) });
  const posts = (route: string): number => sent(stack.producers.attendance.stats(), route);

  beforeAll(async () => {
    const dataset = generateMunicipality({ seed: 12000, students: 300, studentsPerUnit: 100 });
    unit = firstUnit(dataset);
    stack = await startE2E({ dataset, suppliersPath: await writeSuppliersFile(unit.schoolUnitCode!), apiKey: keyOf('reader') });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.producers.attendance.resetStats());

  it('without a write grant a mutation is FORBIDDEN naming it, and nothing reaches the producer', async () => {
    const response = await as('reader')(CREATE_ABSENCE, { input: absenceInput(studentOf(stack.dataset, unit.id)) });
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: 'Not permitted to write Mutation.createAbsence.',
        extensions: { code: 'FORBIDDEN', field: 'Mutation.createAbsence' },
      }),
    ]);
    expect(response.data).toEqual({ createAbsence: null });
    const otherGrant = await as('absences-only')(CHECK_IN, { input: checkInInput(checkInAt(stack.dataset, unit.id)) });
    expect(codes(otherGrant)).toEqual(['FORBIDDEN']);
    expect(otherGrant.errors![0]!.extensions).toMatchObject({ field: 'Mutation.createAttendanceEvent' });
    expect(stack.producers.attendance.stats().total).toBe(0);
  });

  it('the contract schema shows a Mutation field only with its grant', async () => {
    const sdl = async (supplier: string): Promise<string> =>
      (await fetch(stack.gatewayUrl.replace(/graphql$/, 'sdl'), { headers: bearer(keyOf(supplier)) })).text();
    expect(await sdl('reader')).not.toMatch(/type Mutation/);
    expect(await sdl('absences-only')).toMatch(
      /type Mutation \{\s+"""[^"]+"""\s+createAbsence\(input: CreateAbsenceInput!\): CreateAbsencePayload\s+\}/,
    );
    const introspected = await as('writer-unit')('{ __schema { mutationType { fields { name } } } }');
    expect(introspected.data.__schema.mutationType.fields.map((field: { name: string }) => field.name).sort()).toEqual([
      'createAbsence',
      'createAttendance',
      'createAttendanceEvent',
      'createAttendanceSchedule',
      'deleteAttendance',
      'deleteAttendanceEvent',
      'deleteAttendanceSchedule',
    ]);
  });

  it('field grants apply to the payload: what the presets do not open is FORBIDDEN there, the write stands', async () => {
    const student = studentOf(stack.dataset, unit.id);
    const response = await as('writer-unit')(CREATE_ABSENCE_NAMES, { input: absenceInput(student) });
    expect(new Set(response.errors!.map((error: any) => error.extensions.field))).toEqual(
      new Set(['Person.givenName', 'Person.familyName', 'Person.civicNo']),
    );
    expect(codes(response).every((code) => code === 'FORBIDDEN')).toBe(true);
    const absence = response.data.createAbsence.absence;
    expect(absence.student).toEqual({ id: student.id, givenName: null, familyName: null, civicNo: null });
    expect(stack.dataset.absences.get(absence.id)?.student.id).toBe(student.id);
    expect(JSON.stringify(response)).not.toContain(student.familyName);
  });

  it('a student of another unit is FORBIDDEN with exactly the response an unknown id gets', async () => {
    const outside = studentOf(stack.dataset, unit.id, false);
    const other = await as('writer-unit')(CREATE_ABSENCE, { input: absenceInput(outside, { organisation: unit.id }) });
    const unknown = await as('writer-unit')(CREATE_ABSENCE, { input: absenceInput(outside, { organisation: unit.id, student: UNKNOWN }) });
    expect(codes(other)).toEqual(['FORBIDDEN']);
    expect(other.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN', field: 'input.student' });
    expect(other).toEqual(unknown);
    expect(JSON.stringify(other)).not.toContain(outside.id);
    // The student's own unit named as the organisation: the organisation is outside now.
    const ownUnit = await as('writer-unit')(CREATE_ABSENCE, { input: absenceInput(outside) });
    expect(ownUnit.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN', field: 'input.student' });
    expect(posts('POST /absences')).toBe(0);
    // The same student inside a unit-wide supplier's scope is written.
    expect((await as('writer-all')(CREATE_ABSENCE, { input: absenceInput(outside) })).errors).toBeUndefined();
  });

  it('every reference is checked: a child inside with a group of another unit, a registering person of another unit', async () => {
    const inside = checkInAt(stack.dataset, unit.id);
    const outside = elsewhere(stack.dataset, unit.id);
    const group = await as('writer-unit')(CHECK_IN, { input: checkInInput(inside, { group: outside.group.id }) });
    expect(group.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN', field: 'input.group' });
    const unknownGroup = await as('writer-unit')(CHECK_IN, { input: checkInInput(inside, { group: UNKNOWN }) });
    expect(group).toEqual(unknownGroup);
    const registeredBy = await as('writer-unit')(CHECK_IN, { input: checkInInput(inside, { registeredBy: outside.staff }) });
    expect(registeredBy.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN', field: 'input.registeredBy' });
    expect(posts('POST /attendanceEvents')).toBe(0);
    expect((await as('writer-unit')(CHECK_IN, { input: checkInInput(inside) })).errors).toBeUndefined();
  });

  it('deleting a row of another unit is FORBIDDEN exactly as an unknown id, and the row stays', async () => {
    // A check-in at another unit, written by a supplier of every unit.
    const child = studentOf(stack.dataset, unit.id, false);
    const group = [...stack.dataset.groups.values()].find((g) => (g.groupMemberships ?? []).some((m) => m.person.id === child.id))!;
    const written = await as('writer-all')(CHECK_IN, {
      input: { eventType: 'IN', time: '2026-10-06T07:40:00+02:00', person: child.id, group: group.id },
    });
    expect(written.errors).toBeUndefined();
    const outside = written.data.createAttendanceEvent.attendanceEvent;
    stack.producers.attendance.resetStats();
    const other = await as('writer-unit')(DELETE_EVENT, { input: { id: outside.id } });
    const unknown = await as('writer-unit')(DELETE_EVENT, { input: { id: UNKNOWN } });
    expect(codes(other)).toEqual(['FORBIDDEN']);
    expect(other).toEqual(unknown);
    expect(stack.dataset.attendanceEvents.get(outside.id)).toBeDefined();
    expect(stack.producers.attendance.stats().byRoute['DELETE /attendanceEvents/{id}']).toBeUndefined();
  });

  it('under exclude a protected student cannot be written for: FORBIDDEN exactly as an unknown id', async () => {
    const hidden = protectedStudent(stack.dataset);
    const response = await as('writer-all')(CREATE_ABSENCE, { input: absenceInput(hidden) });
    const unknown = await as('writer-all')(CREATE_ABSENCE, { input: absenceInput(hidden, { student: UNKNOWN }) });
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(response).toEqual(unknown);
    expect(posts('POST /absences')).toBe(0);
  });

  it('under alias a protected student is written by the id the supplier sees; the producer gets that id, the answer only the alias', async () => {
    const hidden = protectedStudent(stack.dataset);
    const response = await as('writer-alias')(CREATE_ABSENCE_NAMES, { input: absenceInput(hidden) });
    expect(response.errors).toBeUndefined();
    const absence = response.data.createAbsence.absence;
    expect(absence.student).toEqual({
      id: hidden.id,
      givenName: 'Skyddad',
      familyName: expect.stringMatching(/^Person [0-9A-F]{8}$/),
      civicNo: null,
    });
    // Aliases keep the person's id (an opaque uuid), so the id the supplier sees is the one stored.
    expect(stack.dataset.absences.get(absence.id)?.student.id).toBe(hidden.id);
    const text = JSON.stringify(response);
    for (const real of [hidden.givenName, hidden.familyName, hidden.civicNo?.value]) if (real) expect(text).not.toContain(real);
  });

  it('a request signed straight to the attendance subgraph without the write grant is FORBIDDEN too', async () => {
    const caller = callerWith(['standard', 'attendance'], { supplier: 'reader', units: 'all' });
    const request = { query: CREATE_ABSENCE, variables: { input: absenceInput(studentOf(stack.dataset, unit.id)) } };
    const direct = await postSigned(stack.subgraphUrls.attendance, 'attendance', request, caller, stack.callerSecret);
    expect(codes(direct)).toEqual(['FORBIDDEN']);
    const unsigned = await fetch(stack.subgraphUrls.attendance, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...request,
        extensions: {
          ss12000Caller: {
            v: 2,
            supplier: 'reader',
            units: 'all',
            scopes: ['attendance'],
            protectedIdentities: 'alias',
            writes: ['absences'],
          },
        },
      }),
    });
    expect(unsigned.status).toBe(401);
    expect(posts('POST /absences')).toBe(0);
  });
});
