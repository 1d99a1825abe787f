import type * as W from '../../ss12000/wire';
import { isHighAbsence } from './attendance-model';
import type { ActivityInfo, Ref, UnitInfo } from './model';
import type { GeneratorConfig } from './options';
import { createRandom } from './random';

/** Cumulative shares of A–F; students with much absence are shifted towards E and F. */
const SCALE: readonly [string, number][] = [
  ['A', 0.1],
  ['B', 0.24],
  ['C', 0.5],
  ['D', 0.7],
  ['E', 0.9],
  ['F', 1],
];

const gradeValue = (r: number, highAbsence: boolean, blankShare: number): string => {
  // A dash (streck) means too little basis for assessment; spec values are free text.
  if (r < blankShare) return '-';
  const x = highAbsence ? 0.5 + r / 2 : r;
  return (SCALE.find(([, upTo]) => x < upTo) ?? SCALE[SCALE.length - 1])?.[0] as string;
};

/**
 * End-of-term grades for every graded activity (grundskola years 6–9: terminsbetyg, not
 * final; gymnasium: course grades, final), registered on the last day of term by the
 * activity's teacher, with a few corrections and a diploma project on Gymnasiearbete.
 */
export const buildGrades = (
  config: GeneratorConfig,
  units: readonly UnitInfo[],
  activities: readonly ActivityInfo[],
  studentRefs: readonly Ref[],
  diplomaSyllabuses: ReadonlySet<string>,
): W.Grade[] => {
  const random = createRandom(config.seed, 'grades');
  const year = Number(config.termEnd.slice(0, 4));
  const grades: W.Grade[] = [];
  for (const a of activities) {
    if (!a.graded || !a.syllabus) continue;
    const unit = units[a.unit] as UnitInfo;
    const diploma = diplomaSyllabuses.has(a.syllabus.id);
    for (const s of a.members) {
      const stamp = `${config.termEnd}T${String(13 + random.int(4)).padStart(2, '0')}:${String(random.int(60)).padStart(2, '0')}:00Z`;
      const corrected = random.chance(0.005);
      grades.push({
        id: random.uuid(),
        meta: { created: stamp, modified: stamp },
        student: studentRefs[s] as Ref,
        organisation: unit.ref,
        registeredBy: a.teacherPerson,
        gradingTeacher: a.teacherPerson,
        group: a.group,
        registeredDate: config.termEnd,
        gradeValue: gradeValue(random.next(), isHighAbsence(config.seed, s), 0.01),
        finalGrade: a.schoolType === 'GY',
        trial: false,
        adaptedStudyPlan: '',
        converted: false,
        ...(corrected ? { correctionType: 'Rättelse' as const, remark: 'Felregistrerat betyg rättat' } : {}),
        semester: 'HT',
        year,
        syllabus: a.syllabus,
        ...(diploma
          ? {
              diplomaProject: {
                title: `Gymnasiearbete ${a.className}`,
                description: 'Ett självständigt arbete inom programmets kunskapsområde.',
              },
            }
          : {}),
      });
    }
  }
  return grades;
};
