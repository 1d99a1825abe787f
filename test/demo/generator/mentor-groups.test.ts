// Mentor groups (groupType Mentor) at 7-9 and gymnasium units, and their weekly mentor time
// (Elevaktivitet), built on top of the class mentors without moving anything that was there before.
import { generateMunicipality } from '../../../src/demo/generator';
import type { Dataset } from '../../../src/demo/dataset';
import type * as W from '../../../src/ss12000/wire';

const dataset = generateMunicipality();
const all = <T>(collection: { values(): Iterable<T> }): T[] => [...collection.values()];
const where = <T>(collection: { where?(field: string, id: string): Iterable<T> | undefined }, field: string, id: string): T[] => [
  ...(collection.where?.(field, id) ?? []),
];

const unitKind = (ds: Dataset, unitId: string): string => {
  const types = ds.organisations.get(unitId)?.schoolTypes ?? [];
  return types.includes('GY') ? 'GY' : types.includes('FKLASS') ? 'F-6' : '7-9';
};
const memberIds = (group: W.Group): string[] => (group.groupMemberships ?? []).map((m) => m.person.id);
const classes = all(dataset.groups).filter((g) => g.groupType === 'Klass');
const mentorGroups = all(dataset.groups).filter((g) => g.groupType === 'Mentor');
const mentorGroupsOf = (ds: Dataset, klass: W.Group): W.Group[] => {
  const found = new Map<string, W.Group>();
  for (const student of memberIds(klass))
    for (const g of where(ds.groups, 'groupMemberships.person.id', student)) if (g.groupType === 'Mentor') found.set(g.id, g);
  return [...found.values()];
};
const mentorDutiesOf = (ds: Dataset, group: W.Group): W.Duty[] =>
  where<W.Duty>(ds.duties, 'assignmentRole.group.id', group.id).filter((d) =>
    d.assignmentRole?.some((r) => r.group.id === group.id && r.assignmentRoleType === 'Mentor'),
  );
const mentorTimeOf = (ds: Dataset, group: W.Group): W.Activity[] =>
  where<W.Activity>(ds.activities, 'groups.id', group.id).filter((a) => a.activityType === 'Elevaktivitet');
const minuteOfDay = (time: string): number => Number(time.slice(11, 13)) * 60 + Number(time.slice(14, 16));

/** Events of `activities` that share a key (teacher duty, room) and overlap in time. */
const clashes = (ds: Dataset, activities: readonly W.Activity[], keysOf: (a: W.Activity, e: W.CalendarEvent) => string[]): string[] => {
  const byKey = new Map<string, W.CalendarEvent[]>();
  for (const activity of activities)
    for (const event of where<W.CalendarEvent>(ds.calendarEvents, 'activity.id', activity.id))
      for (const key of keysOf(activity, event)) byKey.set(key, [...(byKey.get(key) ?? []), event]);
  return [...byKey].flatMap(([key, events]) => {
    const sorted = events.sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
    return sorted.flatMap((e, i) => (i > 0 && Date.parse(e.startTime) < Date.parse(sorted[i - 1]!.endTime) ? [key] : []));
  });
};

describe('mentor groups and mentor time', () => {
  it('splits every 7-9 and gymnasium class into two Mentor groups whose members partition it; F-6 classes get none', () => {
    const upper = classes.filter((c) => unitKind(dataset, c.organisation.id) !== 'F-6');
    const lower = classes.filter((c) => unitKind(dataset, c.organisation.id) === 'F-6');
    expect(upper.length).toBeGreaterThan(0);
    expect(lower.length).toBeGreaterThan(0);
    for (const klass of upper) {
      const halves = mentorGroupsOf(dataset, klass).sort((a, b) => a.displayName.localeCompare(b.displayName));
      expect(halves.map((g) => g.displayName)).toEqual([`${klass.displayName} mentorsgrupp 1`, `${klass.displayName} mentorsgrupp 2`]);
      const members = halves.flatMap(memberIds);
      expect(members.sort()).toEqual(memberIds(klass).sort());
      expect(new Set(members).size).toBe(members.length);
      for (const half of halves) {
        expect(half).toMatchObject({ groupType: 'Mentor', schoolType: klass.schoolType, organisation: { id: klass.organisation.id } });
        expect(Math.abs(memberIds(half).length - memberIds(klass).length / 2)).toBeLessThanOrEqual(0.5);
      }
    }
    expect(lower.flatMap((c) => mentorGroupsOf(dataset, c))).toEqual([]);
    expect(mentorGroups).toHaveLength(2 * upper.length);
  });

  it("gives each Mentor group one teacher at its unit as mentor: the class's mentor for group 1, another teacher for group 2", () => {
    for (const group of mentorGroups) {
      const [duty, ...more] = mentorDutiesOf(dataset, group);
      expect(more).toEqual([]);
      expect(duty?.dutyAt.id).toBe(group.organisation.id);
      expect(['Lärare', 'Förstelärare']).toContain(duty?.dutyRole);
      const klass = classes.find(
        (c) => group.displayName.startsWith(`${c.displayName} mentorsgrupp`) && c.organisation.id === group.organisation.id,
      )!;
      const classMentor = mentorDutiesOf(dataset, klass)[0]!;
      if (group.displayName.endsWith(' 1')) expect(duty!.id).toBe(classMentor.id);
      else expect(duty!.id).not.toBe(classMentor.id);
    }
  });

  it('keeps the class mentor entries: every class is still named in a Mentor assignmentRole', () => {
    expect(classes.filter((c) => mentorDutiesOf(dataset, c).length !== 1)).toEqual([]);
  });

  it('gives each Mentor group one Elevaktivitet, "Mentorstid", ungraded and without syllabus, led by its mentor', () => {
    for (const group of mentorGroups) {
      const [activity, ...more] = mentorTimeOf(dataset, group);
      expect(more).toEqual([]);
      expect(activity).toMatchObject({
        displayName: group.displayName.replace('mentorsgrupp', 'Mentorstid'),
        activityType: 'Elevaktivitet',
        calendarEventsRequired: true,
        groups: [{ id: group.id }],
        organisation: { id: group.organisation.id },
        teachers: [{ duty: { id: mentorDutiesOf(dataset, group)[0]!.id }, grader: false }],
      });
      expect(activity!.syllabus).toBeUndefined();
    }
    const mentorGroupIds = new Set(mentorGroups.map((g) => g.id));
    expect(all(dataset.grades).filter((g) => mentorGroupIds.has(g.group?.id ?? ''))).toEqual([]);
  });

  it('meets once a week, 12:10–12:30 on the same weekday, in a time no lesson uses', () => {
    const lessonTimes = new Set(
      all(dataset.calendarEvents)
        .filter((e) => dataset.activities.get(e.activity.id)?.activityType === 'Undervisning')
        .map((e) => `${minuteOfDay(e.startTime)}-${minuteOfDay(e.endTime)}`),
    );
    const [from, to] = [12 * 60 + 10, 12 * 60 + 30];
    expect(lessonTimes.size).toBeGreaterThan(0);
    expect([...lessonTimes].filter((t) => Number(t.split('-')[0]) < to && Number(t.split('-')[1]) > from)).toEqual([]);
    for (const group of mentorGroups) {
      const activity = mentorTimeOf(dataset, group)[0]!;
      const events = where<W.CalendarEvent>(dataset.calendarEvents, 'activity.id', activity.id);
      const weekdays = new Set(events.map((e) => new Date(e.startTime.slice(0, 10)).getUTCDay()));
      expect(weekdays.size).toBe(1);
      // Sixteen weeks of term less the autumn break: one meeting a week.
      expect(events.length).toBeGreaterThanOrEqual(16);
      expect(events.length).toBeLessThanOrEqual(17);
      expect(events.every((e) => e.startTime.slice(11, 16) === '12:10' && e.endTime.slice(11, 16) === '12:30')).toBe(true);
      expect(activity.minutesPlanned).toBe(20 * events.length);
    }
  });

  it("takes attendance at mentor time for the group's members (as each event's exceptions adjust them), and aggregates it per student", () => {
    const group = mentorGroups[0]!;
    const activity = mentorTimeOf(dataset, group)[0]!;
    const events = where<W.CalendarEvent>(dataset.calendarEvents, 'activity.id', activity.id);
    const expectedAt = (event: W.CalendarEvent): string[] => {
      if (event.cancelled) return [];
      const excused = new Set((event.studentExceptions ?? []).filter((x) => !x.participates).map((x) => x.student.id));
      const joined = (event.studentExceptions ?? []).filter((x) => x.participates).map((x) => x.student.id);
      return [...memberIds(group).filter((id) => !excused.has(id)), ...joined].sort();
    };
    const offered = new Map<string, number>();
    for (const event of events) {
      const rows = where<W.Attendance>(dataset.attendances, 'calendarEvent.id', event.id);
      expect(rows.map((r) => r.student.id).sort()).toEqual(expectedAt(event));
      for (const id of expectedAt(event)) offered.set(id, (offered.get(id) ?? 0) + 20);
    }
    expect(events.filter((e) => !e.cancelled && !e.studentExceptions).length).toBeGreaterThan(events.length / 2);
    const aggregated = [...dataset.aggregatedAttendance({ startDate: '2026-08-17', endDate: '2026-12-18' })].filter(
      (r) => r.activity.id === activity.id,
    );
    expect(new Map(aggregated.map((r) => [r.student.id, r.offeredSum]))).toEqual(offered);
    expect([...offered.keys()]).toEqual(expect.arrayContaining(memberIds(group)));
  });

  it('books no mentor and no room twice at mentor time, also in big units', () => {
    for (const ds of [dataset, generateMunicipality({ students: 3000, studentsPerUnit: 1500, seed: 5 })]) {
      const mentorTime = all(ds.activities).filter((a) => a.activityType === 'Elevaktivitet');
      expect(mentorTime.length).toBeGreaterThan(0);
      expect(clashes(ds, mentorTime, (a) => (a.teachers ?? []).map((t) => t.duty.id))).toEqual([]);
      expect(clashes(ds, mentorTime, (_, e) => (e.rooms ?? []).map((r) => r.id))).toEqual([]);
    }
  });

  it('still keeps rooms apart when a unit has too few teachers, whose mentors then meet two groups at once', () => {
    // staffRatio 0.03: a handful of teachers, some with six mentor groups for five weekdays.
    const ds = generateMunicipality({ students: 600, staffRatio: 0.03 });
    const mentorTime = all(ds.activities).filter((a) => a.activityType === 'Elevaktivitet');
    expect(clashes(ds, mentorTime, (a) => (a.teachers ?? []).map((t) => t.duty.id)).length).toBeGreaterThan(0);
    expect(clashes(ds, mentorTime, (_, e) => (e.rooms ?? []).map((r) => r.id))).toEqual([]);
  });

  it('comes after everything else, so existing activity, event and group indexes and ids stay the same', () => {
    const activityTypes = all(dataset.activities).map((a) => a.activityType);
    expect(activityTypes.indexOf('Elevaktivitet')).toBe(activityTypes.lastIndexOf('Undervisning') + 1);
    const groupTypes = all(dataset.groups).map((g) => g.groupType);
    // After every class and teaching group, together (the förskola's groups come after them).
    const firstMentor = groupTypes.indexOf('Mentor');
    expect(firstMentor).toBe(Math.max(groupTypes.lastIndexOf('Klass'), groupTypes.lastIndexOf('Undervisning')) + 1);
    expect(groupTypes.slice(firstMentor, firstMentor + mentorGroups.length).every((t) => t === 'Mentor')).toBe(true);
    const events = all(dataset.calendarEvents);
    const firstMentorEvent = events.findIndex((e) => dataset.activities.get(e.activity.id)?.activityType === 'Elevaktivitet');
    expect(events.slice(firstMentorEvent).every((e) => e.startTime.slice(11, 16) === '12:10')).toBe(true);
    expect(events.slice(0, firstMentorEvent).every((e) => e.startTime.slice(11, 16) !== '12:10')).toBe(true);
  });

  it('is the same for the same options', () => {
    const again = generateMunicipality();
    const mentorPart = (ds: Dataset) =>
      JSON.stringify([
        all(ds.groups).filter((g) => g.groupType === 'Mentor'),
        all(ds.activities).filter((a) => a.activityType === 'Elevaktivitet'),
        all(ds.duties).map((d) => d.assignmentRole),
      ]);
    expect(mentorPart(again)).toBe(mentorPart(dataset));
  });
});
