import { ss12000Enum } from '../shared/enums';

export const GradeCorrectionType = ss12000Enum(
  'GradeCorrectionType',
  ['Ändring', 'Rättelse'] as const,
  'How a changed grade was changed (SS 12000 Code_GradeCorrectionType).',
);

export const Semester = ss12000Enum('Semester', ['HT', 'VT'] as const, 'Autumn (HT) or spring (VT) term (SS 12000 Code_Semester).');

export const StudyPlanContentType = ss12000Enum(
  'StudyPlanContentType',
  [
    'Gymnasiegemensamma',
    'Programgemensamma',
    'Inriktning',
    'Programfördjupning',
    'Gymnasiearbete',
    'Individuellt val',
    'Borttagna',
    'Utökade',
  ] as const,
  'Part of an upper-secondary study plan (SS 12000 StudyPlanContent.type).',
);

export const StudyPlanNoteType = ss12000Enum(
  'StudyPlanNoteType',
  [
    'Anteckningar',
    'Andra insatser som är gynnsamma för elevens kunskapsutveckling',
    'Elevens tidigare arbetslivserfarenhet och studier',
    'Validering av kunskaper och kompetenser',
    'Elevens mål med studierna',
  ] as const,
  'Kind of note in a study plan (SS 12000 StudyPlanNotes.type).',
);

export const GradeSortkey = ss12000Enum(
  'GradeSortkey',
  ['registeredDateAsc', 'registeredDateDesc', 'ModifiedDesc'] as const,
  'Sort order of /grades.',
);

export const StudyPlanSortkey = ss12000Enum(
  'StudyPlanSortkey',
  ['ModifiedDesc', 'StartDateAsc', 'StartDateDesc', 'EndDateAsc', 'EndDateDesc'] as const,
  'Sort order of /studyplans.',
);
