// What the write tests share: the mutations as documents, suppliers with and without write grants,
// and the dataset rows a write can name (inside and outside a school unit, protected persons).
import type { Dataset } from '../../../../src/demo/dataset';
import type * as W from '../../../../src/ss12000/wire';
import { writeSuppliers, type TestSupplier } from '../../../row-scope/support/suppliers';
import { isProtectedPerson } from '../../../row-scope/support/protected';

export const CREATE_ABSENCE = `mutation($input: CreateAbsenceInput!) {
  createAbsence(input: $input) { absence { id type startTime endTime student { id } organisation { id } } }
}`;

export const CREATE_ABSENCE_NAMES = `mutation($input: CreateAbsenceInput!) {
  createAbsence(input: $input) { absence { id student { id givenName familyName civicNo { value } } } }
}`;

export const CHECK_IN = `mutation($input: CreateAttendanceEventInput!) {
  createAttendanceEvent(input: $input) { attendanceEvent { id eventType time person { id } group { id } registeredBy { id } } }
}`;

export const DELETE_EVENT = `mutation($input: DeleteInput!) { deleteAttendanceEvent(input: $input) { id } }`;

export const CREATE_SCHEDULE = `mutation($input: CreateAttendanceScheduleInput!) {
  createAttendanceSchedule(input: $input) { attendanceSchedule { id numberOfWeeks startDate placement { id } state { state } scheduleEntries { dayOfWeek startTime } } }
}`;

export const DELETE_SCHEDULE = `mutation($input: DeleteInput!) { deleteAttendanceSchedule(input: $input) { id } }`;

const ALL_WRITES = ['attendances', 'attendanceEvents', 'attendanceSchedule', 'absences'] as const;

/** A school unit with the generator's check-ins (its leisure-time centre): the one unit-scoped writer's unit. */
export const firstUnit = (dataset: Dataset): W.Organisation => {
  const event = dataset.attendanceEvents.values().next().value!;
  return dataset.organisations.get(dataset.groups.get(event.group.id)!.organisation.id)!;
};

/** A group and a staff member (by their duty) of another unit than `unitId`. */
export const elsewhere = (dataset: Dataset, unitId: string): { group: W.Group; staff: string } => ({
  group: [...dataset.groups.values()].find((g) => g.organisation.id !== unitId)!,
  staff: [...dataset.duties.values()].find((d) => d.dutyAt.id !== unitId && d.person !== undefined)!.person!.id,
});

/** Suppliers of the write tests: every grant in every unit (exclude / alias), one unit, and a reader with no grant. */
export const writeSuppliersFile = (unitCode: string): Promise<string> => {
  const suppliers: TestSupplier[] = [
    { name: 'writer-all', units: 'all', scopes: ['standard', 'attendance'], protectedIdentities: 'exclude', writes: ALL_WRITES },
    {
      name: 'writer-alias',
      units: 'all',
      scopes: ['standard', 'students', 'civicNo', 'attendance'],
      protectedIdentities: 'alias',
      writes: ALL_WRITES,
    },
    { name: 'writer-unit', units: [unitCode], scopes: ['standard', 'attendance'], protectedIdentities: 'alias', writes: ALL_WRITES },
    { name: 'absences-only', units: 'all', scopes: ['standard', 'attendance'], protectedIdentities: 'alias', writes: ['absences'] },
    { name: 'reader', units: 'all', scopes: ['standard', 'attendance'], protectedIdentities: 'alias' },
  ];
  return writeSuppliers(suppliers);
};

const enroledAt = (person: W.Person): string[] => (person.enrolments ?? []).map((e) => e.enroledAt.id);

/** An unprotected student enrolled at `unitId` only, or at another unit only. */
export const studentOf = (dataset: Dataset, unitId: string, inside = true): W.Person =>
  [...dataset.persons.values()].find((p) => {
    const units = enroledAt(p);
    return units.length > 0 && !isProtectedPerson(p) && (inside ? units.every((u) => u === unitId) : !units.includes(unitId));
  })!;

/** A protected student and the unit it is enrolled at. */
export const protectedStudent = (dataset: Dataset): W.Person =>
  [...dataset.persons.values()].find((p) => enroledAt(p).length > 0 && isProtectedPerson(p))!;

/** A check-in of the generator's (a child in a group with the staff who registered it), inside or outside `unitId`. */
export const checkInAt = (dataset: Dataset, unitId: string, inside = true): W.AttendanceEvent =>
  [...dataset.attendanceEvents.values()].find((event) => {
    const group = dataset.groups.get(event.group.id);
    const child = dataset.persons.get(event.person.id);
    return group !== undefined && child !== undefined && !isProtectedPerson(child) && (group.organisation.id === unitId) === inside;
  })!;

export const absenceInput = (student: W.Person, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'ANMALD_FRANVARO',
  startTime: '2026-10-05T08:00:00+02:00',
  endTime: '2026-10-05T16:00:00+02:00',
  student: student.id,
  organisation: enroledAt(student)[0],
  ...extra,
});

export const checkInInput = (event: W.AttendanceEvent, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventType: 'IN',
  time: '2026-10-06T07:40:00+02:00',
  person: event.person.id,
  group: event.group.id,
  registeredBy: event.registeredBy?.id,
  ...extra,
});

/** What reached the attendance producer on `route` (e.g. `POST /absences`). */
export const sent = (stats: { byRoute: Record<string, number> }, route: string): number => stats.byRoute[route] ?? 0;
