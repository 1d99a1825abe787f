// Grades producer paths: /grades /studyplans (no lookup).
import { refIn } from '../filters';
import { definePath, type PathDef } from '../path-def';

const grades = definePath({
  name: 'grades',
  filters: {
    organisation: refIn('grades', 'organisation.id'),
    student: refIn('grades', 'student.id'),
    registeredBy: refIn('grades', 'registeredBy.id'),
    gradingTeacher: refIn('grades', 'gradingTeacher.id'),
  },
});

const studyplans = definePath({ name: 'studyplans', filters: { student: refIn('studyplans', 'student.id') } });

export const GRADES_PATHS: PathDef[] = [grades, studyplans] as PathDef[];
