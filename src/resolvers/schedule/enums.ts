import { ss12000Enum } from '../shared/enums';

export const ActivityType = ss12000Enum(
  'ActivityType',
  ['Undervisning', 'Elevaktivitet', 'Provaktivitet', 'Läraraktivitet', 'Övrigt'] as const,
  'The kind of an activity (SS 12000 Activity.activityType).',
);

export const ActivitySortkey = ss12000Enum('ActivitySortkey', ['ModifiedDesc', 'DisplayNameAsc'] as const, 'Sort order of /activities.');

export const CalendarEventSortkey = ss12000Enum(
  'CalendarEventSortkey',
  ['ModifiedDesc', 'StartTimeAsc', 'StartTimeDesc'] as const,
  'Sort order of /calendarEvents.',
);

export const RoomSortkey = ss12000Enum('RoomSortkey', ['ModifiedDesc', 'DisplayNameAsc'] as const, 'Sort order of /rooms and /resources.');
