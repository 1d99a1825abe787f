// Properties the SS 12000 scenarios lean on (examples/scenarios): child-care schedules behind every
// placement, a timetable no teacher, room or class is in twice at once, protected students who can log in.
import { generateMunicipality } from '../../../src/demo/generator';
import type { Dataset } from '../../../src/demo/dataset';
import type * as W from '../../../src/ss12000/wire';

const dataset = generateMunicipality({ seed: 12000, students: 600 });
const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Pairs of events that share `keysOf` and overlap in time. */
const clashes = (data: Dataset, keysOf: (event: W.CalendarEvent) => readonly string[]): string[] => {
  const byKey = new Map<string, W.CalendarEvent[]>();
  for (const event of data.calendarEvents.values()) for (const key of keysOf(event)) byKey.set(key, [...(byKey.get(key) ?? []), event]);
  const found: string[] = [];
  for (const [key, events] of byKey) {
    events.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
    for (let i = 1; i < events.length; i++) {
      if (Date.parse(events[i]!.startTime) < Date.parse(events[i - 1]!.endTime))
        found.push(`${key}: ${events[i - 1]!.id} ${events[i]!.id}`);
    }
  }
  return found;
};

describe('a realistic demo municipality', () => {
  it('gives every placement one approved attendance schedule within its weekly hours', () => {
    const placements = [...dataset.placements.values()];
    const schedules = [...dataset.attendanceSchedule.values()];
    expect(placements.length).toBeGreaterThan(0);
    expect(schedules).toHaveLength(placements.length);
    for (const placement of placements) {
      const [schedule, ...more] = [...(dataset.attendanceSchedule.where?.('placement.id', placement.id) ?? [])];
      expect(more).toEqual([]);
      expect(schedule!.state.map((s) => s.state)).toEqual(['Godkänt']);
      expect(schedule!.startDate).toBe(placement.startDate);
      const entries = schedule!.scheduleEntries ?? [];
      expect(entries.length).toBeGreaterThan(0);
      for (let week = 0; week < schedule!.numberOfWeeks; week++) {
        const total = entries
          .filter((e) => e.weekOffset === week)
          .reduce((sum, e) => sum + minutes(String(e.endTime)) - minutes(e.startTime), 0);
        expect(total).toBeLessThanOrEqual((placement.maxWeeklyScheduleHours ?? 0) * 60);
      }
      for (const entry of entries) {
        expect(minutes(String(entry.endTime))).toBeGreaterThan(minutes(entry.startTime));
        expect(entry.weekOffset).toBeLessThan(schedule!.numberOfWeeks);
      }
    }
  });

  // The embedded demo's size. A unit with too few teachers for its lessons (seed 7 at 300 students: five
  // teachers for ~137 lessons a week) still gets teacher clashes: the freest teacher is taken.
  it('schedules no class, teacher or room twice at the same time, mentor time included', () => {
    const data = dataset;
    const activity = (event: W.CalendarEvent): W.Activity => data.activities.get(event.activity.id)!;
    // Every calendar event is checked: lessons (Undervisning) and mentor time (Elevaktivitet) alike.
    expect(new Set([...data.calendarEvents.values()].map((event) => activity(event).activityType))).toEqual(
      new Set(['Undervisning', 'Elevaktivitet']),
    );
    expect(clashes(data, (event) => (activity(event).groups ?? []).map((g) => g.id))).toEqual([]);
    expect(clashes(data, (event) => (activity(event).teachers ?? []).map((t) => t.duty.id))).toEqual([]);
    expect(clashes(data, (event) => (event.rooms ?? []).map((r) => r.id))).toEqual([]);
  });

  it('gives protected students a login identifier, so provisioning works for them under alias', () => {
    const protectedStudents = [...dataset.persons.values()].filter((p) => p.enrolments?.length && p.securityMarking !== 'Ingen');
    expect(protectedStudents.length).toBeGreaterThan(0);
    for (const student of protectedStudents) expect(student.eduPersonPrincipalNames?.length).toBeGreaterThan(0);
  });

  it('stays the same for the same seed', () => {
    const again = generateMunicipality({ seed: 12000, students: 600 });
    expect(JSON.stringify([...again.attendanceSchedule.values()])).toBe(JSON.stringify([...dataset.attendanceSchedule.values()]));
  });
});
