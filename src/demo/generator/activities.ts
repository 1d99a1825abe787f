import type * as W from '../../ss12000/wire';
import { GR_SUBJECTS, GY_COURSES, GY_PROGRAMMES, type GyCourseCode } from './curriculum-data';
import type { Curriculum } from './curriculum';
import type { PlannedClass } from './enrolment-plan';
import type { Membership } from './groups';
import { metaBefore } from './meta';
import type { ActivityInfo, Ref, UnitInfo } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';
import { homeRoomOf, type RoomsBuilt, type SpecialRoom } from './rooms';
import { weekFor, type WeeklySlot } from './timetable';

/** What one activity needs before its calendar events are laid out. */
export interface PlannedActivity {
  info: ActivityInfo;
  displayName: string;
  slots: WeeklySlot[];
  /** Global room index: the class's classroom, or the special room the subject needs. */
  room: number;
  /** Undervisning unless said (mentor time is Elevaktivitet). */
  activityType?: W.Activity['activityType'];
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
 * Each class gets a clash-free week. Teachers rotate through the unit's teachers; a lesson goes to the
 * first one (from the rotation's place) free in enough of the class's free slots, and takes those. A
 * subject room booked at one of them moves the lesson to the class's own classroom. So no teacher or
 * room is booked twice at once (when the unit has enough teachers: else the freest one is taken).
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
  // Booked weekly slots (weekday * 10 + period) per teacher duty id and per global room index.
  const teacherBusy = new Map<string, Set<number>>();
  const roomBusy = new Map<number, Set<number>>();
  const keyOf = (slot: WeeklySlot): number => slot.weekday * 10 + slot.period;
  const book = <K>(busy: Map<K, Set<number>>, owner: K, slots: readonly WeeklySlot[]): void => {
    const set = busy.get(owner) ?? new Set<number>();
    for (const slot of slots) set.add(keyOf(slot));
    busy.set(owner, set);
  };
  classes.forEach((c, ci) => {
    const unit = units[c.unit] as UnitInfo;
    const k = classNumberInUnit.get(c.unit) ?? 0;
    classNumberInUnit.set(c.unit, k + 1);
    const homeRoom = homeRoomOf(rooms, c.unit, k);
    const lessons = lessonsOf(c, curriculum);
    const teacherOf: number[] = [];
    const chooseSlots = (li: number, free: readonly WeeklySlot[], count: number): WeeklySlot[] => {
      const first = (k * 7 + li) % unit.teacherDuties.length;
      let best = { t: first, slots: [] as WeeklySlot[] };
      for (let step = 0; step < unit.teacherDuties.length; step++) {
        const t = (first + step) % unit.teacherDuties.length;
        const busy = teacherBusy.get((unit.teacherDuties[t] as Ref).id);
        const slots = free.filter((slot) => !busy?.has(keyOf(slot)));
        if (slots.length > best.slots.length) best = { t, slots };
        if (slots.length >= count) break;
      }
      const taken = best.slots.slice(0, count);
      const rest = free.filter((slot) => !taken.includes(slot));
      taken.push(...rest.slice(0, count - taken.length));
      teacherOf[li] = best.t;
      book(teacherBusy, (unit.teacherDuties[best.t] as Ref).id, taken);
      return taken;
    };
    const week = weekFor(
      lessons.map((l) => l.lessons),
      random,
      chooseSlots,
      c.schoolType === 'FKLASS' ? 3 : undefined,
    );
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
      const t = teacherOf[li] as number;
      const slots = week[li] as WeeklySlot[];
      const special = lesson.room ? (rooms.special.get(c.unit)?.get(lesson.room) as number) : undefined;
      const room = special !== undefined && slots.every((slot) => !roomBusy.get(special)?.has(keyOf(slot))) ? special : homeRoom;
      book(roomBusy, room, slots);
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
        slots,
        room,
      });
    });
  });
  return { teachingGroups, planned };
};
