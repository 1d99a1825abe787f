// Grades (betygshantering): grades and studyplans. `/grades/lookup` takes only `ids` and
// `/studyplans` has no lookup at all (by-id loads become parallel GETs), so a student's grades
// and study plans come from the list filter, one walk per student.
import { listFilter, type DomainSpec } from '../shared/domain';

export const gradesDomain: DomainSpec = {
  producer: 'grades',
  reverseLookups: {
    grades: {
      student: listFilter,
    },
    studyplans: {
      student: listFilter,
    },
  },
};
