import type * as W from '../../ss12000/wire';
import { programmesAt } from './curriculum';
import type { UnitInfo } from './model';
import type { GeneratorConfig } from './options';

export interface PlannedClass {
  readonly unit: number;
  readonly name: string;
  readonly schoolYear: number;
  readonly schoolType: W.SchoolType;
  readonly programme?: string;
  /** First student index and count: students are numbered class by class. */
  readonly first: number;
  readonly count: number;
}

const yearsOf = (unit: UnitInfo): number[] => (unit.kind === 'F-6' ? [0, 1, 2, 3, 4, 5, 6] : unit.kind === '7-9' ? [7, 8, 9] : [1, 2, 3]);

/** Splits `total` into `parts` near-equal integers (the first ones take the remainder). */
export const split = (total: number, parts: number): number[] =>
  Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letter = (i: number): string =>
  (i < LETTERS.length ? LETTERS[i] : `${LETTERS[i % LETTERS.length]}${Math.floor(i / LETTERS.length)}`) as string;

/**
 * Students spread evenly over units, years and classes of at most `classSize`. Student
 * indexes are handed out class by class, so a class's members are one contiguous range.
 */
export const planClasses = (config: GeneratorConfig, units: UnitInfo[]): PlannedClass[] => {
  const classes: PlannedClass[] = [];
  const termYear = Number(config.termStart.slice(0, 4));
  let next = 0;
  split(config.students, units.length).forEach((unitTotal, u) => {
    const unit = units[u] as UnitInfo;
    const years = yearsOf(unit);
    split(unitTotal, years.length).forEach((yearTotal, y) => {
      const schoolYear = years[y] as number;
      const tracks = unit.kind === 'GY' ? programmesAt(u) : [undefined];
      split(yearTotal, tracks.length).forEach((trackTotal, t) => {
        const programme = tracks[t];
        const sizes = split(trackTotal, Math.ceil(trackTotal / config.classSize));
        sizes.forEach((count, c) => {
          const name =
            unit.kind === 'GY'
              ? `${programme}${String(termYear - schoolYear + 1).slice(2)}${letter(c)}`
              : `${schoolYear === 0 ? 'F' : schoolYear}${letter(c)}`;
          const schoolType: W.SchoolType = unit.kind === 'GY' ? 'GY' : schoolYear === 0 ? 'FKLASS' : 'GR';
          classes.push({ unit: u, name, schoolYear, schoolType, ...(programme ? { programme } : {}), first: next, count });
          for (let s = next; s < next + count; s++) unit.students.push(s);
          next += count;
        });
      });
    });
  });
  return classes;
};

/** Birth year for a school year in the autumn term: förskoleklass (year 0) children turn 6 that year. */
export const birthYearOf = (termYear: number, schoolType: W.SchoolType, schoolYear: number): number =>
  schoolType === 'GY' ? termYear - 15 - schoolYear : termYear - 6 - schoolYear;
