// Grades (betygshantering): grades and studyplans. `/grades/lookup` takes only `ids` and
// `/studyplans` has no lookup at all (by-id loads become parallel GETs), so a student's grades
// and study plans come from the list filter:
// - `/studyplans?student=` is an array in the spec: one walk per page of students, rows split by `student.id`;
// - `/grades?student=` takes one uuid: one walk per distinct student (deduplicated per request,
//   in parallel within the producer's concurrency limit).
import { byTime, listFilter, listFilterMany, type DomainSpec } from '../shared/domain';

export const gradesDomain: DomainSpec = {
  producer: 'grades',
  reverseLookups: {
    grades: {
      student: listFilter,
    },
    studyplans: {
      student: listFilterMany((plan) => [plan.student.id]),
    },
  },
  order: { grades: byTime('registeredDate'), studyplans: byTime('startDate') },
};
