// Schedule (schemaläggning): activities, calendarEvents, rooms, resources. Reverse lookups:
import { batchedBy, listFilter, perKey, type DomainSpec } from '../shared/domain';

export const scheduleDomain: DomainSpec = {
  producer: 'schedule',
  reverseLookups: {
    activities: {
      // Duty ids: an activity names its teachers' duties.
      teachers: batchedBy((activity) => (activity.teachers ?? []).map((assignment) => assignment.duty.id)),
      // Person ids matched through the groups' memberships, which an activity does not carry.
      members: perKey,
      // Not a lookup field, but a list filter.
      group: listFilter,
    },
    calendarEvents: {
      activities: batchedBy((event) => [event.activity.id]),
      // Matched through the activity's groups and teachers, not visible on the event.
      student: perKey,
      teacher: perKey,
    },
  },
};
