// User options (all optional) validated once into a fully resolved config.

export interface MunicipalityOptions {
  /** Seed of every random draw; same options ⇒ byte-identical dataset. Default 12000. */
  seed?: number;
  /** Number of students (förskoleklass, grundskola, gymnasieskola). Default 600. */
  students?: number;
  /** First day of the term, YYYY-MM-DD. Default '2026-08-17'. */
  termStart?: string;
  /** Last day of the term (inclusive), YYYY-MM-DD. Default '2026-12-18'. */
  termEnd?: string;
  /** Staff per student. Default 0.1 (about one adult per ten students). */
  staffRatio?: number;
  /** Students per school unit; the unit count is students / this, at least 3. Default 550. */
  studentsPerUnit?: number;
  /** Largest class. Default 28. */
  classSize?: number;
}

export interface GeneratorConfig {
  readonly seed: number;
  readonly students: number;
  readonly termStart: string;
  readonly termEnd: string;
  readonly staffRatio: number;
  readonly studentsPerUnit: number;
  readonly classSize: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isDate = (text: unknown): text is string => {
  if (typeof text !== 'string' || !DATE.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March: compare back to catch it.
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
};

const integerIn = (name: string, value: number, min: number, max: number): number => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`generateMunicipality: ${name} must be an integer in [${min}, ${max}], got ${String(value)}`);
  }
  return value;
};

const numberIn = (name: string, value: number, min: number, max: number): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`generateMunicipality: ${name} must be a number in [${min}, ${max}], got ${String(value)}`);
  }
  return value;
};

export const resolveOptions = (options: MunicipalityOptions = {}): GeneratorConfig => {
  const termStart = options.termStart ?? '2026-08-17';
  const termEnd = options.termEnd ?? '2026-12-18';
  for (const [name, value] of [
    ['termStart', termStart],
    ['termEnd', termEnd],
  ] as const) {
    if (!isDate(value)) throw new RangeError(`generateMunicipality: ${name} must be a date YYYY-MM-DD, got ${String(value)}`);
  }
  const spanDays = (Date.parse(termEnd) - Date.parse(termStart)) / 86_400_000;
  // The compact schedule stores a day index in 16 bits and one weekly pattern per term.
  if (spanDays < 0 || spanDays > 366) {
    throw new RangeError(`generateMunicipality: termEnd must be on or after termStart and within a year of it`);
  }
  return {
    seed: integerIn('seed', options.seed ?? 12000, 0, 0xffffffff),
    students: integerIn('students', options.students ?? 600, 1, 1_000_000),
    termStart,
    termEnd,
    staffRatio: numberIn('staffRatio', options.staffRatio ?? 0.1, 0.01, 1),
    studentsPerUnit: integerIn('studentsPerUnit', options.studentsPerUnit ?? 550, 50, 5000),
    classSize: integerIn('classSize', options.classSize ?? 28, 5, 40),
  };
};
