import type * as W from '../../ss12000/wire';
import { GR_SUBJECTS, GY_COURSES, GY_PROGRAMMES, programmePartOf, type GyCourseCode, type ProgrammePart } from './curriculum-data';
import { metaBefore } from './meta';
import type { Ref, UnitInfo } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

export type SchoolUnitOfferingWithId = W.SchoolUnitOffering & { id: string };

export interface Curriculum {
  syllabuses: W.Syllabus[];
  programmes: W.Programme[];
  offerings: SchoolUnitOfferingWithId[];
  grSubject: Map<string, Ref>;
  gyCourse: Map<GyCourseCode, Ref>;
  programme: Map<string, Ref>;
}

export const buildCurriculum = (config: GeneratorConfig, units: readonly UnitInfo[], random: Random): Curriculum => {
  const syllabuses: W.Syllabus[] = [];
  const grSubject = new Map<string, Ref>();
  const gyCourse = new Map<GyCourseCode, Ref>();
  const programme = new Map<string, Ref>();
  for (const subject of GR_SUBJECTS) {
    const id = random.uuid();
    grSubject.set(subject.code, { id });
    syllabuses.push({
      id,
      meta: metaBefore(random, config.termStart),
      schoolType: 'GR',
      subjectCode: subject.code,
      subjectName: subject.name,
      startSchoolYear: subject.lessons.findIndex((n) => n > 0) + 1,
      endSchoolYear: 9,
      curriculum: 'GR2011',
      official: true,
    });
  }
  for (const course of Object.values(GY_COURSES)) {
    const id = random.uuid();
    gyCourse.set(course.code as GyCourseCode, { id });
    syllabuses.push({
      id,
      meta: metaBefore(random, config.termStart),
      schoolType: 'GY',
      subjectCode: course.subjectCode,
      subjectName: course.subjectName,
      courseCode: course.code,
      courseName: course.name,
      points: course.points,
      curriculum: 'GY2011',
      official: true,
    });
  }
  const programmes: W.Programme[] = GY_PROGRAMMES.map((p) => {
    const id = random.uuid();
    programme.set(p.code, { id });
    const parts = new Map<ProgrammePart, { points: number; content: Ref[] }>();
    p.years.forEach((courses) => {
      for (const code of courses) {
        const type = programmePartOf(code);
        const part = parts.get(type) ?? { points: 0, content: [] };
        if (!part.content.includes(gyCourse.get(code) as Ref)) {
          part.points += GY_COURSES[code].points;
          part.content.push(gyCourse.get(code) as Ref);
        }
        parts.set(type, part);
      }
    });
    return {
      id,
      meta: metaBefore(random, config.termStart),
      name: p.name,
      type: 'Högskoleförberedande program',
      schoolType: 'GY',
      code: p.code,
      content: [...parts].map(([type, part]) => ({ type, points: part.points, content: part.content })),
    };
  });
  const offerings: SchoolUnitOfferingWithId[] = units.map((unit) => ({
    id: random.uuid(),
    offeredAt: unit.ref,
    startDate: config.termStart,
    endDate: config.termEnd,
    offeredSyllabuses: unit.kind === 'GY' ? [...gyCourse.values()] : [...grSubject.values()],
    ...(unit.kind === 'GY' ? { offeredProgrammes: programmesAt(unit.index).map((code) => programme.get(code) as Ref) } : {}),
  }));
  return { syllabuses, programmes, offerings, grSubject, gyCourse, programme };
};

/** The programmes a gymnasium unit offers: two of the three, rotating with the unit. */
export const programmesAt = (unitIndex: number): string[] => {
  const codes = GY_PROGRAMMES.map((p) => p.code);
  const first = Math.floor(unitIndex / 3) % codes.length;
  return [codes[first] as string, codes[(first + 1) % codes.length] as string];
};
