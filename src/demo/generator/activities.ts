import type * as W from '../../ss12000/wire';
import { GR_SUBJECTS, GY_COURSES, GY_PROGRAMMES, type GyCourseCode } from './curriculum-data';
import type { Curriculum } from './curriculum';
import type { PlannedClass } from './enrolment-plan';
import type { Membership } from './groups';
import { metaBefore } from './meta';
import type { ActivityInfo, Ref, UnitInfo } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';
import type { RoomsBuilt, SpecialRoom } from './rooms';
import { weekFor, type WeeklySlot } from './timetable';

/** What one activity needs before its calendar events are laid out. */
export interface PlannedActivity {
  info: ActivityInfo;
  displayName: string;
  slots: WeeklySlot[];
  /** Global room index: the class's classroom, or the special room the subject needs. */
  room: number;
}

export interface ActivitiesPlanned {
  teachingGroups: W.Group[];
  planned: PlannedActivity[];
}

interface Lesson {
  name: string;
  lessons: number;
  syllabus?: Ref;
  room?: SpecialRoom;
  graded: boolean;
}

const lessonsOf = (c: PlannedClass, curriculum: Curriculum): Lesson[] => {
  if (c.schoolType === 'FKLASS') return [{ name: 'Förskoleklass', lessons: 15, graded: false }];
  if (c.schoolType === 'GR') {
    return GR_SUBJECTS.filter((s) => (s.lessons[c.schoolYear - 1] ?? 0) > 0).map((s) => ({
      name: s.name,
      lessons: s.lessons[c.schoolYear - 1] as number,
      syllabus: curriculum.grSubject.get(s.code) as Ref,
      ...(s.room ? { room: s.room } : {}),
      // Grades are given from year 6 (Lgr11).
      graded: c.schoolYear >= 6,
    }));
  }
  const programme = GY_PROGRAMMES.find((p) => p.code === c.programme);
  return (programme?.years[c.schoolYear - 1] ?? []).map((code: GyCourseCode) => ({
    name: GY_COURSES[code].name,
    lessons: GY_COURSES[code].lessons,
    syllabus: curriculum.gyCourse.get(code) as Ref,
    ...(GY_COURSES[code].room ? { room: GY_COURSES[code].room } : {}),
    graded: true,
  }));
};

/**
 * One activity per class and subject (grundskola, förskoleklass on the class itself) or per
 * course (gymnasium, on a teaching group — groupType Undervisning — with the class's members).
 * Each class gets a clash-free week; teachers rotate through the unit's teachers.
 */
export const planActivities = (
  config: GeneratorConfig,
  units: UnitInfo[],
  classes: readonly PlannedClass[],
  classGroups: readonly W.Group[],
  memberships: readonly Membership[],
  curriculum: Curriculum,
  rooms: RoomsBuilt,
  random: Random,
): ActivitiesPlanned => {
  const teachingGroups: W.Group[] = [];
  const planned: PlannedActivity[] = [];
  const classNumberInUnit = new Map<number, number>();
  classes.forEach((c, ci) => {
    const unit = units[c.unit] as UnitInfo;
    const k = classNumberInUnit.get(c.unit) ?? 0;
    classNumberInUnit.set(c.unit, k + 1);
    const homeRoom = (rooms.classrooms.get(c.unit) as number[])[k % (rooms.classrooms.get(c.unit) as number[]).length] as number;
    const lessons = lessonsOf(c, curriculum);
    const week = weekFor(lessons.map((l) => l.lessons), random, c.schoolType === 'FKLASS' ? 3 : undefined);
    const members = Int32Array.from({ length: c.count }, (_, i) => c.first + i);
    const classGroup = classGroups[ci] as W.Group;
    lessons.forEach((lesson, li) => {
      let group: Ref = { id: classGroup.id };
      if (c.schoolType === 'GY') {
        const teaching: W.Group = {
          id: random.uuid(),
          meta: metaBefore(random, config.termStart),
          displayName: `${c.name} ${lesson.name}`,
          startDate: config.termStart,
          endDate: config.termEnd,
          groupType: 'Undervisning',
          schoolType: 'GY',
          organisation: unit.ref,
          groupMemberships: memberships.slice(c.first, c.first + c.count),
        };
        teachingGroups.push(teaching);
        group = { id: teaching.id };
      }
      const t = (k * 7 + li) % unit.teacherDuties.length;
      const room = lesson.room ? (rooms.special.get(c.unit)?.get(lesson.room) as number) : homeRoom;
      planned.push({
        info: {
          ref: { id: random.uuid() },
          unit: c.unit,
          schoolType: c.schoolType,
          group,
          className: c.name,
          schoolYear: c.schoolYear,
          members,
          ...(lesson.syllabus ? { syllabus: lesson.syllabus } : {}),
          teacherDuty: unit.teacherDuties[t] as Ref,
          teacherPerson: unit.teacherPersons[t] as Ref,
          graded: lesson.graded,
          firstEvent: 0,
          eventCount: 0,
        },
        displayName: `${c.name} ${lesson.name}`,
        slots: week[li] as WeeklySlot[],
        room,
      });
    });
  });
  return { teachingGroups, planned };
};
