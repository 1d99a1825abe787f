import type { AggregatedAttendanceQuery, Dataset } from '../../../src/demo/dataset';
import { generateMunicipality } from '../../../src/demo/generator';
import type * as W from '../../../src/ss12000/wire';

const dataset = generateMunicipality();

interface Lesson {
  key: string;
  student: string;
  date: string;
  organisation: string;
  schoolType: W.SchoolType;
  sums: number[];
}

/** Every per-lesson row /attendances serves, resolved the way a client would (event → activity → group). */
const lessonsOf = (ds: Dataset): Lesson[] => {
  const events = new Map<string, W.CalendarEvent>();
  return [...ds.attendances.values()].map((row) => {
    let event = events.get(row.calendarEvent.id);
    if (!event) events.set(row.calendarEvent.id, (event = ds.calendarEvents.get(row.calendarEvent.id) as W.CalendarEvent));
    const activity = ds.activities.get(event.activity.id) as W.Activity;
    const minutes = (Date.parse(event.endTime) - Date.parse(event.startTime)) / 60_000;
    return {
      key: `${activity.id} ${row.student.id}`,
      student: row.student.id,
      date: event.startTime.slice(0, 10),
      organisation: activity.organisation.id,
      schoolType: ds.groups.get(activity.groups[0]?.id as string)?.schoolType as W.SchoolType,
      sums: [
        row.attendanceMinutes ?? 0,
        row.validAbsenceMinutes ?? 0,
        row.invalidAbsenceMinutes ?? 0,
        row.otherAttendanceMinutes ?? 0,
        row.isReported ? minutes : 0,
        minutes,
      ],
    };
  });
};

/** The reference: an independent sum per (activity, student) over those rows. */
const sumFromAttendances = (lessons: readonly Lesson[], q: AggregatedAttendanceQuery): Map<string, number[]> => {
  const sums = new Map<string, number[]>();
  for (const l of lessons) {
    if (l.date < q.startDate || l.date > q.endDate) continue;
    if (q.student && !q.student.includes(l.student)) continue;
    if (q.organisation && l.organisation !== q.organisation) continue;
    if (q.schoolType && !q.schoolType.includes(l.schoolType)) continue;
    const sum = sums.get(l.key) ?? [0, 0, 0, 0, 0, 0];
    l.sums.forEach((v, i) => (sum[i] = (sum[i] as number) + v));
    sums.set(l.key, sum);
  }
  return sums;
};

const aggregated = (ds: Dataset, q: AggregatedAttendanceQuery): Map<string, number[]> =>
  new Map(
    [...ds.aggregatedAttendance(q)].map((r) => [
      `${r.activity.id} ${r.student.id} ${r.startDate} ${r.endDate}`,
      [r.attendanceSum, r.validAbsenceSum ?? 0, r.invalidAbsenceSum ?? 0, r.otherAttendanceSum ?? 0, r.reportedSum ?? 0, r.offeredSum ?? 0],
    ]),
  );

const lessons = lessonsOf(dataset);
const units = [...dataset.organisations.values()].filter((o) => o.organisationType === 'Skolenhet');
const someStudents = [...dataset.persons.values()]
  .filter((p) => p.enrolments?.length)
  .filter((_, i) => i % 37 === 0)
  .map((p) => p.id);

describe('aggregatedAttendance', () => {
  it.each<[string, AggregatedAttendanceQuery]>([
    ['the whole term', { startDate: '2026-08-17', endDate: '2026-12-18' }],
    ['one day (inclusive at both ends)', { startDate: '2026-09-09', endDate: '2026-09-09' }],
    ['a month across summer-time end', { startDate: '2026-10-15', endDate: '2026-11-15' }],
    ['one school unit', { startDate: '2026-08-01', endDate: '2026-12-31', organisation: units[1]?.id as string }],
    ['gymnasium only', { startDate: '2026-09-01', endDate: '2026-10-31', schoolType: ['GY'] }],
    ['förskoleklass and grundskola', { startDate: '2026-09-01', endDate: '2026-09-30', schoolType: ['FKLASS', 'GR'] }],
    ['a list of students', { startDate: '2026-08-17', endDate: '2026-12-18', student: someStudents }],
  ])('equals an independent sum over attendances.values(): %s', (_, query) => {
    const expected = sumFromAttendances(lessons, query);
    expect(expected.size).toBeGreaterThan(0);
    const withWindow = new Map([...expected].map(([key, sums]) => [`${key} ${query.startDate} ${query.endDate}`, sums]));
    expect(aggregated(dataset, query)).toEqual(withWindow);
  });

  it('gives no rows for a window without lessons (a weekend, the autumn break, before the term)', () => {
    expect([...dataset.aggregatedAttendance({ startDate: '2026-09-05', endDate: '2026-09-06' })]).toEqual([]);
    expect([...dataset.aggregatedAttendance({ startDate: '2026-10-26', endDate: '2026-10-30' })]).toEqual([]);
    expect([...dataset.aggregatedAttendance({ startDate: '2026-01-01', endDate: '2026-08-16' })]).toEqual([]);
  });

  it('is realistic: most minutes attended, some valid and invalid absence, a few students absent far more', () => {
    const rows = [...dataset.aggregatedAttendance({ startDate: '2026-08-17', endDate: '2026-12-18' })];
    const total = (k: keyof W.AggregatedAttendance) => rows.reduce((n, r) => n + ((r[k] as number) ?? 0), 0);
    const offered = total('offeredSum');
    expect(total('attendanceSum') / offered).toBeGreaterThan(0.85);
    expect(total('validAbsenceSum') / offered).toBeGreaterThan(0.02);
    expect(total('invalidAbsenceSum') / offered).toBeGreaterThan(0.005);
    expect(total('otherAttendanceSum')).toBeGreaterThan(0);
    const absenceShare = rows.map((r) => ((r.validAbsenceSum ?? 0) + (r.invalidAbsenceSum ?? 0)) / (r.offeredSum ?? 1));
    expect(absenceShare.filter((x) => x > 0.15).length).toBeGreaterThan(0);
  });

  it('rejects malformed dates with a clear error', () => {
    expect(() => [...dataset.aggregatedAttendance({ startDate: '17/08/2026', endDate: '2026-12-18' })]).toThrow(
      /startDate and endDate must be dates/,
    );
  });
});

describe('absences line up with valid absence in attendance', () => {
  it('makes every lesson on a reported absence day valid absence, and every valid absence has its Absence', () => {
    const absenceDays = new Set([...dataset.absences.values()].map((a) => `${a.student.id} ${a.startTime.slice(0, 10)}`));
    const mismatched = lessons.filter((l) => absenceDays.has(`${l.student} ${l.date}`) !== (l.sums[1] as number) > 0);
    expect(absenceDays.size).toBeGreaterThan(0);
    expect(mismatched).toEqual([]);
  });

  it('has both absence types, sick calls registered by a guardian and leave by the principal', () => {
    const absences = [...dataset.absences.values()];
    const sick = absences.filter((a) => a.type === 'Anmäld frånvaro');
    const leave = absences.filter((a) => a.type === 'Beviljad ledighet');
    expect(sick.length).toBeGreaterThan(leave.length);
    expect(leave.length).toBeGreaterThan(0);
    const guardianOf = (a: W.Absence) => dataset.persons.get(a.student.id)?.responsibles?.some((r) => r.person?.id === a.registeredBy?.id);
    expect(sick.filter((a) => !guardianOf(a))).toEqual([]);
    const principals = new Set([...dataset.duties.values()].filter((d) => d.dutyRole === 'Rektor').map((d) => d.person?.id));
    expect(leave.filter((a) => !principals.has(a.registeredBy?.id))).toEqual([]);
  });
});
