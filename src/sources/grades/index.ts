// Grades (betygshantering): grades and studyplans. `/grades/lookup` takes only `ids`, and
// `/studyplans` has no lookup at all (by-id loads become parallel GETs), so no reverse lookups.
import type { DomainSpec } from '../shared/domain';

export const gradesDomain: DomainSpec = {
  producer: 'grades',
  reverseLookups: {},
};
