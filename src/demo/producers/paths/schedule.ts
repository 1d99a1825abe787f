// Schedule producer paths: /activities /calendarEvents /rooms /resources.
import type * as W from '../../../ss12000/wire';
import { valuesAt } from '../dotted';
import { lookupBy, refIn, unique } from '../filters';
import { definePath, type EngineContext, type FilterDef, type PathDef } from '../path-def';

const ids = (value: unknown): string[] => (Array.isArray(value) ? value : [String(value)]);

/** Activities taught to a group the person belongs to. */
const activitiesOfMembers = (persons: string[], ctx: EngineContext): W.Activity[] =>
  unique(
    persons
      .flatMap((p) => ctx.indexes.where('groups', 'groupMemberships.person.id', p))
      .flatMap((g) => ctx.indexes.where('activities', 'groups.id', g.id)),
  );

const member: FilterDef<W.Activity> = (value, ctx) => {
  const found = activitiesOfMembers(ids(value), ctx);
  const wanted = new Set(found.map((a) => a.id));
  return { test: (a) => wanted.has(a.id), candidates: () => found };
};

const teacher = refIn('activities', 'teachers.duty.id');

const activities = definePath({
  name: 'activities',
  filters: {
    member,
    teacher,
    organisation: refIn('activities', 'organisation.id'),
    group: refIn('activities', 'groups.id'),
  },
  expand: {
    groups: (a, ctx) =>
      valuesAt(a, 'groups.id')
        .map((id) => ctx.ds.groups.get(id as string))
        .filter(Boolean),
    teachers: (a, ctx) =>
      valuesAt(a, 'teachers.duty.id')
        .map((id) => ctx.ds.duties.get(id as string))
        .filter(Boolean),
    syllabus: (a, ctx) => (a.syllabus ? ctx.ds.syllabuses.get(a.syllabus.id) : undefined),
  },
  lookup: { teachers: lookupBy('activities', teacher), members: lookupBy('activities', member) },
});

/** Calendar events of the activities a filter on activities selects. */
const viaActivity =
  (activityFilter: FilterDef<W.Activity>): FilterDef<W.CalendarEvent> =>
  (value, ctx) => {
    const wanted = [...lookupBy('activities', activityFilter)(String(value), ctx)];
    const wantedIds = new Set(wanted.map((a) => a.id));
    return {
      test: (e) => wantedIds.has(e.activity.id),
      candidates: () => wanted.flatMap((a) => ctx.indexes.where('calendarEvents', 'activity.id', a.id)),
    };
  };

const eventActivity = refIn('calendarEvents', 'activity.id');
const eventStudent = viaActivity(member);
const eventTeacher: FilterDef<W.CalendarEvent> = (value, ctx) => {
  // A substitute named in teacherExceptions teaches the event as well.
  const planned = viaActivity(teacher)(value, ctx);
  return { test: (e) => planned.test(e) || valuesAt(e, 'teacherExceptions.duty.id').includes(value), candidates: undefined };
};

const calendarEvents = definePath({
  name: 'calendarEvents',
  filters: {
    activity: eventActivity,
    student: eventStudent,
    teacher: eventTeacher,
    organisation: viaActivity(refIn('activities', 'organisation.id')),
    group: viaActivity(refIn('activities', 'groups.id')),
  },
  expand: {
    activity: (e, ctx) => ctx.ds.activities.get(e.activity.id),
    attendance: (e, ctx) => ctx.indexes.where('attendances', 'calendarEvent.id', e.id),
  },
  lookup: {
    activities: lookupBy('calendarEvents', eventActivity),
    student: lookupBy('calendarEvents', eventStudent),
    teacher: lookupBy('calendarEvents', eventTeacher),
  },
});

const rooms = definePath({ name: 'rooms', filters: { organisation: refIn('rooms', 'owner.id') } });
const resources = definePath({ name: 'resources', filters: { organisation: refIn('resources', 'owner.id') } });

export const SCHEDULE_PATHS: PathDef[] = [activities, calendarEvents, rooms, resources] as PathDef[];
