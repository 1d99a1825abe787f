import { generateMunicipality } from '../../../src/demo/generator';
import type * as W from '../../../src/ss12000/wire';

const dataset = generateMunicipality();
const organisations = [...dataset.organisations.values()];
const units = organisations.filter((o) => o.organisationType === 'Skolenhet');
const students = [...dataset.persons.values()].filter((p) => p.enrolments?.length);

describe('school organisation of the synthetic municipality', () => {
  it('has one huvudman and at least three school units of different school types under it, a förskola among them', () => {
    const [huvudman, ...others] = organisations.filter((o) => o.organisationType === 'Huvudman');
    expect(others).toHaveLength(0);
    expect(units.length).toBeGreaterThanOrEqual(3);
    expect(units.every((u) => u.parentOrganisation?.id === huvudman?.id && /^\d{8}$/.test(u.schoolUnitCode ?? ''))).toBe(true);
    expect(new Set(units.flatMap((u) => u.schoolTypes))).toEqual(new Set(['FS', 'FKLASS', 'GR', 'GY']));
    expect(dataset.description).toMatchObject({ students: 600, schoolUnits: units.length });
  });

  it('scales the number of units with the number of students (one per studentsPerUnit, at least three; one förskola per 1,000, at least one)', () => {
    expect(generateMunicipality({ students: 600, studentsPerUnit: 100 }).description.schoolUnits).toBe(6 + 1);
    expect(generateMunicipality({ students: 50 }).description.schoolUnits).toBe(3 + 1);
    expect(generateMunicipality({ students: 2600, studentsPerUnit: 1000 }).description.schoolUnits).toBe(3 + 3);
  });

  it('enrols every student at a unit that offers the school type, with a programme in gymnasium', () => {
    const wrong = students.filter((s) => {
      const [enrolment, ...more] = s.enrolments as NonNullable<W.Person['enrolments']>;
      const unit = dataset.organisations.get(enrolment?.enroledAt.id as string);
      const needsProgramme = enrolment?.schoolType === 'GY';
      return (
        more.length > 0 ||
        !unit?.schoolTypes?.includes(enrolment?.schoolType as W.SchoolType) ||
        needsProgramme !== Boolean(enrolment?.programme && dataset.programmes.get(enrolment.programme.id))
      );
    });
    expect(students).toHaveLength(600);
    expect(wrong).toEqual([]);
  });

  it('puts every student in exactly one class (Klass) at their unit, and every class has a mentor there', () => {
    const mentorDuties = [...dataset.duties.values()].filter((d) => d.assignmentRole?.some((r) => r.assignmentRoleType === 'Mentor'));
    const wrong = students.filter((s) => {
      const classes = [...(dataset.groups.where?.('groupMemberships.person.id', s.id) ?? [])].filter((g) => g.groupType === 'Klass');
      const unitId = s.enrolments?.[0]?.enroledAt.id;
      if (classes.length !== 1 || classes[0]?.organisation.id !== unitId) return true;
      const mentors = [...(dataset.duties.where?.('assignmentRole.group.id', classes[0]?.id as string) ?? [])];
      return !mentors.some(
        (d) => d.dutyAt.id === unitId && d.assignmentRole?.some((r) => r.group.id === classes[0]?.id && r.assignmentRoleType === 'Mentor'),
      );
    });
    expect(wrong).toEqual([]);
    expect(mentorDuties.every((d) => d.dutyRole === 'Lärare' || d.dutyRole === 'Förstelärare')).toBe(true);
  });

  it('teaches gymnasium courses in teaching groups (Undervisning) and gives each GY student a study plan', () => {
    const teaching = [...dataset.groups.values()].filter((g) => g.groupType === 'Undervisning');
    expect(teaching.length).toBeGreaterThan(0);
    expect(teaching.every((g) => g.schoolType === 'GY' && (g.groupMemberships?.length ?? 0) > 0)).toBe(true);
    const gy = students.filter((s) => s.enrolments?.[0]?.schoolType === 'GY');
    expect(gy.filter((s) => [...(dataset.studyplans.where?.('student.id', s.id) ?? [])].length !== 1)).toEqual([]);
  });

  it('gives each activity one group, a teacher on duty at its unit, and a syllabus except in förskoleklass and mentor time', () => {
    const wrong = [...dataset.activities.values()].filter((a) => {
      const group = dataset.groups.get(a.groups[0]?.id as string);
      const duty = dataset.duties.get(a.teachers?.[0]?.duty.id as string);
      const withoutSyllabus = group?.schoolType === 'FKLASS' || (group?.groupType === 'Mentor' && a.activityType === 'Elevaktivitet');
      const syllabusOk = withoutSyllabus ? !a.syllabus : Boolean(a.syllabus && dataset.syllabuses.get(a.syllabus.id));
      return a.groups.length !== 1 || group?.organisation.id !== a.organisation.id || duty?.dutyAt.id !== a.organisation.id || !syllabusOk;
    });
    expect(wrong).toEqual([]);
  });

  it('schedules lessons Monday to Friday between 08:00 and 16:00 without two lessons of one student at once', () => {
    const events = [...dataset.calendarEvents.values()];
    const outside = events.filter((e) => {
      const day = new Date(e.startTime.slice(0, 10)).getUTCDay();
      return day === 0 || day === 6 || e.startTime.slice(11, 16) < '08:00' || e.endTime.slice(11, 16) > '16:00';
    });
    expect(outside).toEqual([]);
    const clashes = students.slice(0, 100).filter((s) => {
      const starts = [...(dataset.calendarEvents.where?.('student.id', s.id) ?? [])].map((e) => e.startTime);
      return new Set(starts).size !== starts.length;
    });
    expect(clashes).toEqual([]);
  });

  it('writes lesson times in Swedish local time (summer time until 25 October 2026) and keeps the autumn break free', () => {
    const events = [...dataset.calendarEvents.values()];
    const offsets = new Set(events.map((e) => `${e.startTime.slice(0, 10) < '2026-10-25' ? 'summer' : 'winter'}${e.startTime.slice(19)}`));
    expect(offsets).toEqual(new Set(['summer+02:00', 'winter+01:00']));
    expect(events.filter((e) => e.startTime.slice(0, 10) >= '2026-10-26' && e.startTime.slice(0, 10) <= '2026-10-30')).toEqual([]);
  });

  it('gives grades A–F (or a dash) in graded subjects and courses, from year 6 and in gymnasium', () => {
    const grades = [...dataset.grades.values()];
    expect(new Set(grades.map((g) => g.gradeValue))).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'F', '-']));
    const wrong = grades.filter((g) => {
      const enrolment = dataset.persons.get(g.student.id)?.enrolments?.[0];
      const graded = enrolment?.schoolType === 'GY' || (enrolment?.schoolYear ?? 0) >= 6;
      return (
        !graded ||
        !dataset.syllabuses.get(g.syllabus.id) ||
        !dataset.persons.get(g.gradingTeacher?.id as string) ||
        !dataset.groups.get(g.group?.id as string)
      );
    });
    expect(wrong).toEqual([]);
  });
});
