// The attendance producer's writes through the gateway, over real HTTP: a check-in written and read
// back through the graph, a reported absence, validation errors naming the field, an attendance
// schedule as the spec writes it, deletes, a producer that is down, and one audit line per write.
import { auditCapture } from '../../auth-e2e/support';
import { keyOf } from '../../row-scope/support/suppliers';
import { startE2E, type E2E } from '../../support/e2e';
import { operation } from '../../support/operations';
import type {
  CheckInMutation,
  CheckInMutationVariables,
  ReportAbsenceMutation,
  ReportAbsenceMutationVariables,
} from '../../support/operations.gen';
import {
  absenceInput,
  CHECK_IN,
  checkInAt,
  checkInInput,
  CREATE_ABSENCE,
  CREATE_SCHEDULE,
  DELETE_EVENT,
  DELETE_SCHEDULE,
  firstUnit,
  sent,
  studentOf,
  writeSuppliersFile,
} from './support/writes';

const codesOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }): string[] =>
  (response.errors ?? []).map((e) => String(e.extensions?.['code']));

describe('writes through the gateway', () => {
  let stack: E2E;
  let unitId: string;
  const audit = auditCapture();
  const writeLines = () => audit.lines().filter((line) => line['msg'] === 'write');

  beforeAll(async () => {
    const { generateMunicipality } = await import('../../../src/demo/generator');
    const dataset = generateMunicipality({ seed: 12000, students: 300, studentsPerUnit: 100 });
    const unit = firstUnit(dataset);
    unitId = unit.id;
    stack = await startE2E({
      dataset,
      suppliersPath: await writeSuppliersFile(unit.schoolUnitCode!),
      apiKey: keyOf('writer-all'),
      audit: audit.logger,
    });
  });
  afterAll(() => stack.close());

  it('a check-in is written to the attendance producer and read back through the graph', async () => {
    const template = checkInAt(stack.dataset, unitId);
    const written = await stack.query<any>(CHECK_IN, { input: checkInInput(template) });
    expect(written.errors).toBeUndefined();
    const event = written.data.createAttendanceEvent.attendanceEvent;
    expect(event).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      eventType: 'IN',
      time: '2026-10-06T05:40:00.000Z',
      person: { id: template.person.id },
      group: { id: template.group.id },
      registeredBy: { id: template.registeredBy!.id },
    });
    // Stored as SS 12000 writes it, with the producer's own id and meta.
    expect(stack.dataset.attendanceEvents.get(event.id)).toMatchObject({
      eventType: 'In',
      person: { id: template.person.id },
      group: { id: template.group.id },
    });
    const read = await stack.query<any>(
      `query($id: ID!, $person: ID!) {
      attendanceEvent(id: $id) { id eventType person { id } }
      attendanceEvents(person: $person, first: 1000) { edges { node { id } } }
    }`,
      { id: event.id, person: template.person.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.attendanceEvent).toEqual({ id: event.id, eventType: 'IN', person: { id: template.person.id } });
    expect(read.data.attendanceEvents.edges.map((edge: any) => edge.node.id)).toContain(event.id);
  });

  it('a reported absence is written with its student and unit, and one audit line names supplier, operation, type and id only', async () => {
    const student = studentOf(stack.dataset, unitId);
    const before = writeLines().length;
    const written = await stack.query<any>(CREATE_ABSENCE, { input: absenceInput(student) });
    expect(written.errors).toBeUndefined();
    const absence = written.data.createAbsence.absence;
    expect(absence).toMatchObject({ type: 'ANMALD_FRANVARO', student: { id: student.id }, organisation: { id: unitId } });
    expect(stack.dataset.absences.get(absence.id)).toMatchObject({ type: 'Anmäld frånvaro', student: { id: student.id } });
    const lines = writeLines().slice(before);
    expect(lines).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        name: 'audit',
        supplier: 'writer-all',
        operation: 'create',
        entity: 'Absence',
        id: absence.id,
        msg: 'write',
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain(student.familyName);
  });

  it('the two write scenarios of examples/scenarios (11, 12) run as written', async () => {
    const template = checkInAt(stack.dataset, unitId);
    const checkIn: CheckInMutationVariables = {
      input: { eventType: 'UT', time: '2026-10-06T16:10:00+02:00', person: template.person.id, group: template.group.id },
    };
    const out = await stack.query<CheckInMutation>(operation('scenarios/11-check-in-and-out'), checkIn);
    expect(out.errors).toBeUndefined();
    expect(out.data?.createAttendanceEvent?.attendanceEvent).toMatchObject({
      eventType: 'UT',
      person: { id: template.person.id },
      registeredBy: null,
    });
    const student = studentOf(stack.dataset, unitId);
    const leave: ReportAbsenceMutationVariables = {
      input: {
        type: 'BEVILJAD_LEDIGHET',
        startTime: '2026-11-02T00:00:00+01:00',
        endTime: '2026-11-06T23:59:00+01:00',
        student: student.id,
        organisation: unitId,
      },
    };
    const reported = await stack.query<ReportAbsenceMutation>(operation('scenarios/12-report-absence'), leave);
    expect(reported.errors).toBeUndefined();
    expect(reported.data?.createAbsence?.absence).toMatchObject({
      type: 'BEVILJAD_LEDIGHET',
      student: { id: student.id },
      organisation: { id: unitId },
    });
  });

  it('validation errors are BAD_USER_INPUT naming the field, and nothing reaches the producer', async () => {
    const student = studentOf(stack.dataset, unitId);
    stack.producers.attendance.resetStats();
    const backwards = await stack.query(CREATE_ABSENCE, { input: absenceInput(student, { endTime: '2026-10-05T07:00:00+02:00' }) });
    expect(codesOf(backwards)).toEqual(['BAD_USER_INPUT']);
    expect(backwards.errors![0]!.extensions).toMatchObject({ argument: 'input.endTime' });
    const notAnId = await stack.query(CREATE_ABSENCE, { input: absenceInput(student, { student: 'not-a-uuid' }) });
    expect(codesOf(notAnId)).toEqual(['BAD_USER_INPUT']);
    expect(notAnId.errors![0]!.extensions).toMatchObject({ argument: 'input.student' });
    const badType = await stack.query(CREATE_ABSENCE, { input: absenceInput(student, { type: 'SJUK' }) });
    expect(codesOf(badType)).toEqual(['BAD_USER_INPUT']);
    expect(badType.errors![0]!.message).toContain('input.type');
    const missing = await stack.query(CREATE_ABSENCE, { input: { type: 'ANMALD_FRANVARO', student: student.id } });
    expect(codesOf(missing)).toContain('BAD_USER_INPUT');
    expect(missing.errors!.map((e) => e.message).join(' ')).toMatch(/"startTime" of required type/);
    expect(sent(stack.producers.attendance.stats(), 'POST /absences')).toBe(0);
  });

  it('an attendance schedule is written as the spec writes it (scheduleDays, endTime an integer), read back and deleted', async () => {
    const placement = [...stack.dataset.placements.values()].find((p) => p.placedAt.id === unitId)!;
    const input = {
      placement: placement.id,
      numberOfWeeks: 2,
      startDate: '2026-09-01',
      state: [{ state: 'BEGART', registeredAt: '2026-08-20T10:00:00+02:00' }],
      scheduleEntries: [{ weekOffset: 1, dayOfWeek: 'MANDAG', startTime: '07:30', endTime: '16:00' }],
    };
    const badEntry = await stack.query(CREATE_SCHEDULE, {
      input: { ...input, scheduleEntries: [{ ...input.scheduleEntries[0], endTime: '07:00' }] },
    });
    expect(badEntry.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.scheduleEntries[0].endTime' });
    const written = await stack.query<any>(CREATE_SCHEDULE, { input });
    expect(written.errors).toBeUndefined();
    const schedule = written.data.createAttendanceSchedule.attendanceSchedule;
    expect(schedule).toMatchObject({
      numberOfWeeks: 2,
      startDate: '2026-09-01',
      placement: { id: placement.id },
      state: [{ state: 'BEGART' }],
    });
    expect(stack.dataset.attendanceSchedule.get(schedule.id)).toMatchObject({
      scheduleDays: [],
      scheduleEntries: [{ weekOffset: 1, dayOfWeek: 'Måndag', startTime: '07:30', endTime: 960 }],
    });
    const deleted = await stack.query<any>(DELETE_SCHEDULE, { input: { id: schedule.id } });
    expect(deleted.data.deleteAttendanceSchedule).toEqual({ id: schedule.id });
    expect(stack.dataset.attendanceSchedule.get(schedule.id)).toBeUndefined();
  });

  it('a delete removes the row; deleting it again is FORBIDDEN exactly as an unknown id', async () => {
    const template = checkInAt(stack.dataset, unitId);
    const created = await stack.query<any>(CHECK_IN, { input: checkInInput(template) });
    const id = created.data.createAttendanceEvent.attendanceEvent.id;
    const deleted = await stack.query<any>(DELETE_EVENT, { input: { id } });
    expect(deleted).toMatchObject({ data: { deleteAttendanceEvent: { id } } });
    expect(stack.dataset.attendanceEvents.get(id)).toBeUndefined();
    const again = await stack.query(DELETE_EVENT, { input: { id } });
    const unknown = await stack.query(DELETE_EVENT, { input: { id: '00000000-0000-4000-8000-000000000000' } });
    expect(codesOf(again)).toEqual(['FORBIDDEN']);
    expect(again).toEqual(unknown);
    expect(writeLines().filter((line) => line['operation'] === 'delete' && line['id'] === id)).toHaveLength(1);
  });

  it('a producer that is down is UPSTREAM_UNAVAILABLE: the write was sent once, nothing is stored, nothing audited', async () => {
    const student = studentOf(stack.dataset, unitId);
    const stored = stack.dataset.absences.size;
    const audited = writeLines().length;
    stack.producers.attendance.resetStats();
    stack.producers.attendance.setFaults({ errorRate: 1 });
    try {
      const refused = await stack.query<any>(CREATE_ABSENCE, { input: absenceInput(student) });
      expect(codesOf(refused)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(refused.errors![0]!.extensions).toMatchObject({ producer: 'attendance', path: 'POST /absences' });
      expect(refused.data).toEqual({ createAbsence: null });
    } finally {
      stack.producers.attendance.setFaults({ errorRate: 0 });
    }
    // Not retried: a POST that may have reached the producer is never sent again by the gateway.
    expect(sent(stack.producers.attendance.stats(), 'POST /absences')).toBe(1);
    expect(stack.dataset.absences.size).toBe(stored);
    expect(writeLines()).toHaveLength(audited);
  });
});
