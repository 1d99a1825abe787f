import type { AggregatedAttendanceQuery } from '../../../src/demo/dataset';
import { generateMunicipality } from '../../../src/demo/generator';
import type * as W from '../../../src/ss12000/wire';

const TERM: AggregatedAttendanceQuery = { startDate: '2026-08-17', endDate: '2026-12-18' };
const every = <T>(rows: Iterable<T>, n: number): T[] => [...rows].filter((_, i) => i % n === 0);
const ids = (rows: Iterable<{ id: string }> | undefined) => [...(rows ?? [])].map((r) => r.id).sort();

describe('lazy collections (attendances, calendarEvents, absences)', () => {
  const dataset = generateMunicipality({ students: 200 });

  it('round-trip get(id) for every kind of lazy row, and count exactly what values() yields', () => {
    for (const collection of [dataset.attendances, dataset.calendarEvents, dataset.absences] as const) {
      const rows = [...(collection.values() as Iterable<{ id: string }>)];
      expect(rows.length).toBe(collection.size);
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      const wrong = every(rows, 97).filter((r) => JSON.stringify(collection.get(r.id)) !== JSON.stringify(r));
      expect(wrong).toEqual([]);
    }
  });

  it('answer get() with undefined for unknown, malformed or foreign ids', () => {
    const row = dataset.attendances.values().next().value as W.Attendance;
    const event = dataset.calendarEvents.values().next().value as W.CalendarEvent;
    const tampered = `${row.id.slice(0, -1)}${row.id.endsWith('0') ? '1' : '0'}`;
    expect(dataset.attendances.get(tampered)).toBeUndefined();
    expect(dataset.attendances.get('not-a-uuid')).toBeUndefined();
    expect(dataset.attendances.get(event.id)).toBeUndefined();
    expect(dataset.calendarEvents.get(row.id)).toBeUndefined();
    expect(generateMunicipality({ students: 200, seed: 1 }).attendances.get(row.id)).toBeUndefined();
  });

  it('index where() exactly as a scan of values() would filter', () => {
    const rows = [...dataset.attendances.values()];
    const student = rows[500]?.student.id as string;
    const event = rows[500]?.calendarEvent.id as string;
    expect(ids(dataset.attendances.where?.('student.id', student))).toEqual(ids(rows.filter((r) => r.student.id === student)));
    expect(ids(dataset.attendances.where?.('calendarEvent.id', event))).toEqual(ids(rows.filter((r) => r.calendarEvent.id === event)));
    const activity = dataset.calendarEvents.get(event)?.activity.id as string;
    const events = [...dataset.calendarEvents.values()];
    expect(ids(dataset.calendarEvents.where?.('activity.id', activity))).toEqual(ids(events.filter((e) => e.activity.id === activity)));
    const absences = [...dataset.absences.values()];
    const absent = absences[0]?.student.id as string;
    expect(ids(dataset.absences.where?.('student.id', absent))).toEqual(ids(absences.filter((a) => a.student.id === absent)));
    expect(dataset.attendances.where?.('reporter.id', student)).toBeUndefined();
    expect([...(dataset.attendances.where?.('student.id', 'unknown') ?? [])]).toEqual([]);
  });
});

describe('writes to lazy attendances (the producers POST/PUT/DELETE overlay)', () => {
  it('show a replaced row in get, values, where and aggregatedAttendance', () => {
    const dataset = generateMunicipality({ students: 200 });
    const original = [...dataset.attendances.values()].find((r) => r.isReported && r.attendanceMinutes === 60) as W.Attendance;
    const before = [...dataset.aggregatedAttendance({ ...TERM, student: [original.student.id] })];
    const size = dataset.attendances.size;
    const changed: W.Attendance = { ...original, attendanceMinutes: 0, invalidAbsenceMinutes: 60, absenceReason: 'Ogiltig frånvaro' };
    dataset.attendances.set(original.id, changed);

    expect(dataset.attendances.get(original.id)).toBe(changed);
    expect(dataset.attendances.size).toBe(size);
    expect([...dataset.attendances.values()].filter((r) => r.id === original.id)).toEqual([changed]);
    expect([...(dataset.attendances.where?.('student.id', original.student.id) ?? [])].find((r) => r.id === original.id)).toBe(changed);
    const after = [...dataset.aggregatedAttendance({ ...TERM, student: [original.student.id] })];
    const activity = dataset.calendarEvents.get(original.calendarEvent.id)?.activity.id;
    const row = (list: W.AggregatedAttendance[]) => list.find((r) => r.activity.id === activity) as W.AggregatedAttendance;
    expect(row(after).attendanceSum).toBe(row(before).attendanceSum - 60);
    expect(row(after).invalidAbsenceSum).toBe((row(before).invalidAbsenceSum ?? 0) + 60);
    expect(row(after).offeredSum).toBe(row(before).offeredSum);
  });

  it('hide a deleted row everywhere, and report a second delete as false', () => {
    const dataset = generateMunicipality({ students: 200 });
    const victim = [...dataset.attendances.values()][1234] as W.Attendance;
    const size = dataset.attendances.size;
    const activity = dataset.calendarEvents.get(victim.calendarEvent.id)?.activity.id;
    const offered = () =>
      [...dataset.aggregatedAttendance({ ...TERM, student: [victim.student.id] })].find((r) => r.activity.id === activity)?.offeredSum ?? 0;
    const offeredBefore = offered();

    expect(dataset.attendances.delete(victim.id)).toBe(true);
    expect(dataset.attendances.delete(victim.id)).toBe(false);
    expect(dataset.attendances.get(victim.id)).toBeUndefined();
    expect(dataset.attendances.size).toBe(size - 1);
    expect([...dataset.attendances.values()].some((r) => r.id === victim.id)).toBe(false);
    expect([...(dataset.attendances.where?.('calendarEvent.id', victim.calendarEvent.id) ?? [])].some((r) => r.id === victim.id)).toBe(
      false,
    );
    const minutes =
      (Date.parse(dataset.calendarEvents.get(victim.calendarEvent.id)?.endTime as string) -
        Date.parse(dataset.calendarEvents.get(victim.calendarEvent.id)?.startTime as string)) /
      60_000;
    expect(offered()).toBe(offeredBefore - minutes);
  });

  it('keep a row added under a new id (POST) after the generated ones and count it in the aggregate', () => {
    const dataset = generateMunicipality({ students: 200 });
    const template = dataset.attendances.values().next().value as W.Attendance;
    const activity = dataset.calendarEvents.get(template.calendarEvent.id)?.activity.id;
    const q = { ...TERM, student: [template.student.id] };
    const sumBefore = [...dataset.aggregatedAttendance(q)].find((r) => r.activity.id === activity)?.otherAttendanceSum ?? 0;
    const added: W.Attendance = {
      ...template,
      id: '0f0e0d0c-0b0a-4908-8706-050403020100',
      attendanceMinutes: 0,
      otherAttendanceMinutes: 15,
    };
    dataset.attendances.set(added.id, added);

    expect(dataset.attendances.get(added.id)).toBe(added);
    const all = [...dataset.attendances.values()];
    expect(all[all.length - 1]).toBe(added);
    expect([...(dataset.attendances.where?.('student.id', template.student.id) ?? [])]).toContain(added);
    // organisation is not a field of Attendance: the row is matched through its lesson's activity.
    const unit = dataset.activities.get(activity as string)?.organisation.id as string;
    expect([...(dataset.attendances.where?.('organisation.id', unit) ?? [])]).toContain(added);
    expect([...dataset.aggregatedAttendance(q)].find((r) => r.activity.id === activity)?.otherAttendanceSum).toBe(sumBefore + 15);
    expect(dataset.attendances.delete(added.id)).toBe(true);
    expect(dataset.attendances.get(added.id)).toBeUndefined();
  });
});
