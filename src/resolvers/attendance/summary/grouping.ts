import { registerEnumType } from 'type-graphql';
import type { AbsenceFact } from './fact';

export enum AbsenceGrouping {
  SCHOOL_UNIT = 'SCHOOL_UNIT',
  GROUP = 'GROUP',
  STUDENT = 'STUDENT',
  ACTIVITY = 'ACTIVITY',
  SCHOOL_TYPE = 'SCHOOL_TYPE',
}

registerEnumType(AbsenceGrouping, {
  name: 'AbsenceGrouping',
  description: 'What one absence summary row describes.',
  valuesConfig: {
    SCHOOL_UNIT: { description: "The organisation that owns the lessons' activity." },
    GROUP: { description: "Each of the activity's groups: a lesson given to two groups counts in both rows (once in the total)." },
    STUDENT: { description: 'One student: always suppressed for a supplier with a minimum group size above 1.' },
    ACTIVITY: { description: 'One activity (course, subject group, mentor time …).' },
    SCHOOL_TYPE: { description: 'The school type the producer links the activity to.' },
  },
});

/** The row keys one fact adds to; `groups` narrows GROUP rows to the filtered groups. */
export function keysOf(groupBy: AbsenceGrouping, fact: AbsenceFact, groups: ReadonlySet<string> | undefined): readonly string[] {
  switch (groupBy) {
    case AbsenceGrouping.SCHOOL_UNIT:
      return [fact.unit];
    case AbsenceGrouping.GROUP:
      return groups ? fact.groups.filter((group) => groups.has(group)) : fact.groups;
    case AbsenceGrouping.STUDENT:
      return [fact.student];
    case AbsenceGrouping.ACTIVITY:
      return [fact.activity];
    case AbsenceGrouping.SCHOOL_TYPE:
      return fact.schoolType === undefined ? [] : [fact.schoolType];
  }
}
