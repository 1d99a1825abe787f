// Schedule (schemaläggning): activities, calendarEvents, rooms, resources. Reverse lookups:
import type { components } from '../../ss12000/openapi.gen';
import { batchedBy, byTime, listFilter, perKey, type DomainSpec } from '../shared/domain';

type ActivityExpanded = components['schemas']['ActivityExpanded'];

/** The persons an activity has through its groups' memberships, read from `?expand=groups`. */
const membersOf = (activity: ActivityExpanded): string[] =>
  (activity._embedded?.groups ?? []).flatMap((group) => (group.groupMemberships ?? []).map((membership) => membership.person.id));

export const scheduleDomain: DomainSpec = {
  producer: 'schedule',
  reverseLookups: {
    activities: {
      // Duty ids: an activity names its teachers' duties.
      teachers: batchedBy((activity) => (activity.teachers ?? []).map((assignment) => assignment.duty.id)),
      // Person ids matched through the groups' memberships ("groups inkluderar en grupp som matchar …
      // groupMemberships.person.id"), which the bare activity does not carry: asked with ?expand=groups,
      // each row's embedded groups name its members, so one lookup serves many persons.
      members: batchedBy(membersOf, ['groups']),
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
  order: { calendarEvents: byTime('startTime') },
};
