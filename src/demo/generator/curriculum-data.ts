// Subjects (Lgr11, curriculum GR2011) and courses (Gy11, GY2011) the demo municipality teaches,
// with realistic Skolverket codes and lessons per week.

export interface GrSubject {
  readonly code: string;
  readonly name: string;
  /** Lessons per week by school year 1..9 (index 0 = year 1). */
  readonly lessons: readonly number[];
  readonly room?: 'Idrottshall' | 'Slöjdsal' | 'Musiksal' | 'NO-sal';
}

export const GR_SUBJECTS: readonly GrSubject[] = [
  { code: 'SV', name: 'Svenska', lessons: [6, 6, 6, 5, 5, 4, 3, 3, 3] },
  { code: 'MA', name: 'Matematik', lessons: [4, 4, 4, 4, 4, 4, 3, 3, 3] },
  { code: 'EN', name: 'Engelska', lessons: [1, 1, 1, 2, 2, 2, 3, 3, 3] },
  { code: 'NO', name: 'Naturorienterande ämnen', lessons: [2, 2, 2, 2, 2, 2, 0, 0, 0], room: 'NO-sal' },
  { code: 'BI', name: 'Biologi', lessons: [0, 0, 0, 0, 0, 0, 1, 1, 1], room: 'NO-sal' },
  { code: 'FY', name: 'Fysik', lessons: [0, 0, 0, 0, 0, 0, 1, 1, 1], room: 'NO-sal' },
  { code: 'KE', name: 'Kemi', lessons: [0, 0, 0, 0, 0, 0, 1, 1, 1], room: 'NO-sal' },
  { code: 'SO', name: 'Samhällsorienterande ämnen', lessons: [2, 2, 2, 2, 2, 2, 0, 0, 0] },
  { code: 'HI', name: 'Historia', lessons: [0, 0, 0, 0, 0, 0, 1, 1, 1] },
  { code: 'GE', name: 'Geografi', lessons: [0, 0, 0, 0, 0, 0, 1, 1, 1] },
  { code: 'RE', name: 'Religionskunskap', lessons: [0, 0, 0, 0, 0, 0, 1, 1, 1] },
  { code: 'SH', name: 'Samhällskunskap', lessons: [0, 0, 0, 0, 0, 0, 1, 1, 1] },
  { code: 'BL', name: 'Bild', lessons: [1, 1, 1, 1, 1, 1, 1, 1, 1] },
  { code: 'MU', name: 'Musik', lessons: [1, 1, 1, 1, 1, 1, 1, 1, 1], room: 'Musiksal' },
  { code: 'IDH', name: 'Idrott och hälsa', lessons: [2, 2, 2, 2, 2, 2, 2, 2, 2], room: 'Idrottshall' },
  { code: 'SL', name: 'Slöjd', lessons: [1, 1, 1, 1, 1, 2, 1, 1, 1], room: 'Slöjdsal' },
  { code: 'TK', name: 'Teknik', lessons: [0, 0, 0, 1, 1, 1, 1, 1, 1] },
  { code: 'HKK', name: 'Hem- och konsumentkunskap', lessons: [0, 0, 0, 0, 0, 1, 1, 1, 0] },
];

export interface GyCourse {
  readonly code: string;
  readonly subjectCode: string;
  readonly subjectName: string;
  readonly name: string;
  readonly points: number;
  readonly lessons: number;
  readonly room?: 'Idrottshall' | 'NO-sal';
}

const c = (code: string, subjectName: string, name: string, points: number, lessons: number, room?: GyCourse['room']): GyCourse => ({
  code,
  subjectCode: code.slice(0, 3),
  subjectName,
  name,
  points,
  lessons,
  ...(room ? { room } : {}),
});

export const GY_COURSES = {
  SVESVE01: c('SVESVE01', 'Svenska', 'Svenska 1', 100, 3),
  SVESVE02: c('SVESVE02', 'Svenska', 'Svenska 2', 100, 3),
  SVESVE03: c('SVESVE03', 'Svenska', 'Svenska 3', 100, 3),
  ENGENG05: c('ENGENG05', 'Engelska', 'Engelska 5', 100, 3),
  ENGENG06: c('ENGENG06', 'Engelska', 'Engelska 6', 100, 3),
  MATMAT01c: c('MATMAT01c', 'Matematik', 'Matematik 1c', 100, 3),
  MATMAT02c: c('MATMAT02c', 'Matematik', 'Matematik 2c', 100, 3),
  MATMAT01b: c('MATMAT01b', 'Matematik', 'Matematik 1b', 100, 3),
  MATMAT03c: c('MATMAT03c', 'Matematik', 'Matematik 3c', 100, 3),
  HISHIS01b: c('HISHIS01b', 'Historia', 'Historia 1b', 100, 2),
  SAMSAM01b: c('SAMSAM01b', 'Samhällskunskap', 'Samhällskunskap 1b', 100, 2),
  SAMSAM02: c('SAMSAM02', 'Samhällskunskap', 'Samhällskunskap 2', 100, 2),
  RELREL01: c('RELREL01', 'Religionskunskap', 'Religionskunskap 1', 50, 1),
  FILFIL01: c('FILFIL01', 'Filosofi', 'Filosofi 1', 50, 1),
  PSKPSY01: c('PSKPSY01', 'Psykologi', 'Psykologi 1', 50, 1),
  IDRIDR01: c('IDRIDR01', 'Idrott och hälsa', 'Idrott och hälsa 1', 100, 2, 'Idrottshall'),
  NAKNAK01b: c('NAKNAK01b', 'Naturkunskap', 'Naturkunskap 1b', 100, 2),
  BIOBIO01: c('BIOBIO01', 'Biologi', 'Biologi 1', 100, 2, 'NO-sal'),
  FYSFYS01a: c('FYSFYS01a', 'Fysik', 'Fysik 1a', 150, 3, 'NO-sal'),
  KEMKEM01: c('KEMKEM01', 'Kemi', 'Kemi 1', 100, 2, 'NO-sal'),
  KEMKEM02: c('KEMKEM02', 'Kemi', 'Kemi 2', 100, 2, 'NO-sal'),
  TEKTEK01: c('TEKTEK01', 'Teknik', 'Teknik 1', 150, 3),
  MODMOD03: c('MODMOD03', 'Moderna språk', 'Moderna språk 3', 100, 2),
  GYARNA: c('GYARNA', 'Gymnasiearbete', 'Gymnasiearbete NA', 100, 2),
  GYARSA: c('GYARSA', 'Gymnasiearbete', 'Gymnasiearbete SA', 100, 2),
  GYARTE: c('GYARTE', 'Gymnasiearbete', 'Gymnasiearbete TE', 100, 2),
} as const;

export type GyCourseCode = keyof typeof GY_COURSES;

export interface GyProgramme {
  readonly code: 'NA' | 'SA' | 'TE';
  readonly name: string;
  /** Courses read in school year 1, 2, 3. */
  readonly years: readonly (readonly GyCourseCode[])[];
}

export const GY_PROGRAMMES: readonly GyProgramme[] = [
  {
    code: 'NA',
    name: 'Naturvetenskapsprogrammet',
    years: [
      ['SVESVE01', 'ENGENG05', 'MATMAT01c', 'BIOBIO01', 'FYSFYS01a', 'KEMKEM01', 'IDRIDR01', 'MODMOD03'],
      ['SVESVE02', 'ENGENG06', 'MATMAT02c', 'KEMKEM02', 'HISHIS01b', 'SAMSAM01b', 'RELREL01'],
      ['SVESVE03', 'MATMAT03c', 'FILFIL01', 'PSKPSY01', 'GYARNA'],
    ],
  },
  {
    code: 'SA',
    name: 'Samhällsvetenskapsprogrammet',
    years: [
      ['SVESVE01', 'ENGENG05', 'MATMAT01b', 'HISHIS01b', 'SAMSAM01b', 'NAKNAK01b', 'IDRIDR01', 'MODMOD03'],
      ['SVESVE02', 'ENGENG06', 'SAMSAM02', 'RELREL01', 'FILFIL01', 'PSKPSY01'],
      ['SVESVE03', 'MATMAT02c', 'GYARSA'],
    ],
  },
  {
    code: 'TE',
    name: 'Teknikprogrammet',
    years: [
      ['SVESVE01', 'ENGENG05', 'MATMAT01c', 'TEKTEK01', 'FYSFYS01a', 'IDRIDR01', 'HISHIS01b'],
      ['SVESVE02', 'ENGENG06', 'MATMAT02c', 'KEMKEM01', 'SAMSAM01b', 'RELREL01'],
      ['SVESVE03', 'MATMAT03c', 'GYARTE'],
    ],
  },
];

export type ProgrammePart = 'Gymnasiegemensamma' | 'Programgemensamma' | 'Gymnasiearbete' | 'Individuellt val';

const COMMON_SUBJECTS = ['SVE', 'ENG', 'MAT', 'HIS', 'SAM', 'REL', 'IDR', 'NAK'];

/** Which part of a programme a course belongs to (Programme.content and StudyPlan.content use the same parts). */
export const programmePartOf = (code: GyCourseCode): ProgrammePart =>
  code.startsWith('GYAR')
    ? 'Gymnasiearbete'
    : code.startsWith('MOD')
      ? 'Individuellt val'
      : COMMON_SUBJECTS.includes(code.slice(0, 3))
        ? 'Gymnasiegemensamma'
        : 'Programgemensamma';
