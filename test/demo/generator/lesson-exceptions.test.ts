// Single lessons that deviate from the weekly timetable, as SS 12000 records them on the
// CalendarEvent: cancelled lessons, students excused from or joining a lesson (studentExceptions),
// and substitute teachers (teacherExceptions). Attendance must follow the same expected students.
import { generateMunicipality } from '../../../src/demo/generator';
import type * as W from '../../../src/ss12000/wire';

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const events = [...dataset.calendarEvents.values()];
const activityOf = (event: W.CalendarEvent): W.Activity => dataset.activities.get(event.activity.id)!;
const membersOf = (event: W.CalendarEvent): string[] =>
  activityOf(event).groups.flatMap((g) => (dataset.groups.get(g.id)?.groupMemberships ?? []).map((m) => m.person.id));
const attendanceByEvent = new Map<string, W.Attendance[]>();
for (const row of dataset.attendances.values()) {
  attendanceByEvent.set(row.calendarEvent.id, [...(attendanceByEvent.get(row.calendarEvent.id) ?? []), row]);
}

/** The graph's `CalendarEvent.expectedStudents`, computed the way the schema describes it. */
const expectedStudents = (event: W.CalendarEvent): string[] => {
  if (event.cancelled) return [];
  const out = new Set((event.studentExceptions ?? []).filter((x) => !x.participates).map((x) => x.student.id));
  const joined = (event.studentExceptions ?? []).filter((x) => x.participates).map((x) => x.student.id);
  return [...membersOf(event).filter((id) => !out.has(id)), ...joined].sort();
};

const cancelled = events.filter((e) => e.cancelled);
const excused = events.filter((e) => e.studentExceptions?.some((x) => !x.participates));
const joined = events.filter((e) => e.studentExceptions?.some((x) => x.participates));
const substituted = events.filter((e) => e.teacherExceptions?.length);

describe('lessons that deviate from the timetable', () => {
  it('has some of each kind, each a small share of all lessons', () => {
    for (const [list, atMost] of [
      [cancelled, 0.02],
      [excused, 0.05],
      [joined, 0.02],
      [substituted, 0.05],
    ] as const) {
      expect(list.length).toBeGreaterThan(10);
      expect(list.length / events.length).toBeLessThan(atMost);
    }
  });

  it('gives a cancelled lesson no teaching time, no exceptions and no attendance rows', () => {
    for (const event of cancelled) {
      expect([event.teachingLengthStudent, event.teachingLengthTeacher]).toEqual([0, 0]);
      expect(event.studentExceptions ?? []).toEqual([]);
      expect(event.teacherExceptions ?? []).toEqual([]);
      expect(attendanceByEvent.get(event.id)).toBeUndefined();
      expect([...(dataset.attendances.where?.('calendarEvent.id', event.id) ?? [])]).toEqual([]);
    }
  });

  it('registers a deviation before the lesson and after the event was created', () => {
    for (const event of [...cancelled, ...excused, ...joined, ...substituted]) {
      expect(Date.parse(event.meta.modified)).toBeGreaterThan(Date.parse(event.meta.created));
      expect(Date.parse(event.meta.modified)).toBeLessThan(Date.parse(event.startTime));
    }
  });

  it('keeps one attendance row per expected student at every lesson: members less those excused, plus those who join', () => {
    const mismatches = events.filter((event) => {
      const rows = (attendanceByEvent.get(event.id) ?? []).map((r) => r.student.id).sort();
      return JSON.stringify(rows) !== JSON.stringify(expectedStudents(event));
    });
    expect(mismatches.map((e) => e.id)).toEqual([]);
    expect(dataset.attendances.size).toBe([...attendanceByEvent.values()].reduce((n, rows) => n + rows.length, 0));
  });

  it('excuses a member of the lesson, and lets a student of a parallel class at the unit join in a free period', () => {
    for (const event of excused) {
      const [exception, ...more] = event.studentExceptions!.filter((x) => !x.participates);
      expect(more).toEqual([]);
      expect(membersOf(event)).toContain(exception!.student.id);
    }
    const classOf = (personId: string): W.Group =>
      [...(dataset.groups.where?.('groupMemberships.person.id', personId) ?? [])].find((g) => g.groupType === 'Klass')!;
    const yearOf = (personId: string) => {
      const { enroledAt, schoolType, schoolYear } = dataset.persons.get(personId)!.enrolments![0]!;
      return { enroledAt, schoolType, schoolYear };
    };
    for (const event of joined) {
      const guest = event.studentExceptions!.find((x) => x.participates)!.student.id;
      expect(membersOf(event)).not.toContain(guest);
      const guestClass = classOf(guest);
      const lessonClass = classOf(membersOf(event)[0]!);
      expect(guestClass.id).not.toBe(lessonClass.id);
      expect(guestClass.organisation.id).toBe(activityOf(event).organisation.id);
      expect(yearOf(guest)).toEqual(yearOf(membersOf(event)[0]!));
      expect(event.studentExceptions!.find((x) => x.participates)).toMatchObject({ startTime: event.startTime, endTime: event.endTime });
    }
  });

  it('never expects a student at two lessons at once', () => {
    const byStudent = new Map<string, W.CalendarEvent[]>();
    for (const event of events) for (const id of expectedStudents(event)) byStudent.set(id, [...(byStudent.get(id) ?? []), event]);
    const clashes: string[] = [];
    for (const [student, list] of byStudent) {
      list.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
      for (let i = 1; i < list.length; i++) {
        if (Date.parse(list[i]!.startTime) < Date.parse(list[i - 1]!.endTime)) clashes.push(`${student} ${list[i]!.id}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('lets a free teacher of the unit stand in, who then reports the attendance, and books no teacher twice at once', () => {
    const teachingDuties = new Map<string, W.CalendarEvent[]>();
    for (const event of events.filter((e) => !e.cancelled)) {
      const exceptions = event.teacherExceptions ?? [];
      const out = new Set(exceptions.filter((x) => !x.participates).map((x) => x.duty.id));
      const teaching = [
        ...activityOf(event)
          .teachers!.map((t) => t.duty.id)
          .filter((id) => !out.has(id)),
        ...exceptions.filter((x) => x.participates).map((x) => x.duty.id),
      ];
      for (const id of teaching) teachingDuties.set(id, [...(teachingDuties.get(id) ?? []), event]);
    }
    for (const [duty, list] of teachingDuties) {
      list.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
      for (let i = 1; i < list.length; i++)
        expect([duty, Date.parse(list[i]!.startTime) >= Date.parse(list[i - 1]!.endTime)]).toEqual([duty, true]);
    }
    for (const event of substituted) {
      const [away, standIn] = event.teacherExceptions!;
      expect(away).toMatchObject({ duty: activityOf(event).teachers![0]!.duty, participates: false });
      expect(standIn!.participates).toBe(true);
      const duty = dataset.duties.get(standIn!.duty.id)!;
      expect(duty.dutyAt.id).toBe(activityOf(event).organisation.id);
      expect(['Lärare', 'Förstelärare']).toContain(duty.dutyRole);
      for (const row of attendanceByEvent.get(event.id) ?? []) if (row.isReported) expect(row.reporter).toEqual(duty.person);
    }
  });

  it("finds a lesson by the spec's student and teacher filters through its exceptions too", () => {
    const joinedEvent = joined[0]!;
    const guest = joinedEvent.studentExceptions!.find((x) => x.participates)!.student.id;
    expect([...(dataset.calendarEvents.where?.('student.id', guest) ?? [])].map((e) => e.id)).toContain(joinedEvent.id);
    expect([...(dataset.attendances.where?.('student.id', guest) ?? [])].map((r) => r.calendarEvent.id)).toContain(joinedEvent.id);
    const excusedEvent = excused[0]!;
    const away = excusedEvent.studentExceptions!.find((x) => !x.participates)!.student.id;
    expect([...(dataset.attendances.where?.('student.id', away) ?? [])].map((r) => r.calendarEvent.id)).not.toContain(excusedEvent.id);
    const substitutedEvent = substituted[0]!;
    const standIn = substitutedEvent.teacherExceptions!.find((x) => x.participates)!.duty.id;
    expect([...(dataset.calendarEvents.where?.('teacher.id', standIn) ?? [])].map((e) => e.id)).toContain(substitutedEvent.id);
  });

  it('draws the same exceptions for the same seed', () => {
    const again = generateMunicipality({ seed: 12000, students: 600 });
    const pick = (list: W.CalendarEvent[]) => list.map((e) => JSON.stringify(again.calendarEvents.get(e.id)));
    expect(pick([...cancelled, ...excused, ...joined, ...substituted])).toEqual(
      [...cancelled, ...excused, ...joined, ...substituted].map((e) => JSON.stringify(e)),
    );
  });
});
