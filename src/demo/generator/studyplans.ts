import type * as W from '../../ss12000/wire';
import { GY_COURSES, GY_PROGRAMMES, programmePartOf, type ProgrammePart } from './curriculum-data';
import type { Curriculum } from './curriculum';
import { metaBefore } from './meta';
import type { Ref } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

type Content = NonNullable<W.StudyPlan['content']>[number];

/**
 * The study plan of a gymnasium student: every course of the programme by programme part,
 * dated by the school year it is read in. Plans of students on the same programme who
 * started the same year share one content array (entities are read-only).
 */
export const buildStudyPlans = (
  config: GeneratorConfig,
  curriculum: Curriculum,
  students: readonly W.Person[],
  random: Random,
): W.StudyPlan[] => {
  const shared = new Map<string, Content[]>();
  const plans: W.StudyPlan[] = [];
  for (const student of students) {
    const enrolment = student.enrolments?.[0];
    if (!enrolment || enrolment.schoolType !== 'GY' || !enrolment.educationCode) continue;
    const startYear = Number(enrolment.startDate.slice(0, 4));
    const key = `${enrolment.educationCode}${startYear}`;
    let content = shared.get(key);
    if (!content) {
      const programme = GY_PROGRAMMES.find((p) => p.code === enrolment.educationCode);
      const byPart = new Map<ProgrammePart, Content>();
      programme?.years.forEach((codes, y) => {
        for (const code of codes) {
          const type = programmePartOf(code);
          const part = byPart.get(type) ?? { type, points: 0, syllabuses: [] };
          part.points = (part.points ?? 0) + GY_COURSES[code].points;
          part.syllabuses.push({
            syllabus: curriculum.gyCourse.get(code) as Ref,
            startDate: `${startYear + y}-08-15`,
            endDate: `${startYear + y + 1}-06-10`,
          });
          byPart.set(type, part);
        }
      });
      content = [...byPart.values()];
      shared.set(key, content);
    }
    plans.push({
      id: random.uuid(),
      student: { id: student.id },
      meta: metaBefore(random, config.termStart),
      content,
      startDate: enrolment.startDate,
      ...(enrolment.endDate ? { endDate: enrolment.endDate } : {}),
    });
  }
  return plans;
};
