// Attendance producer paths: /attendances /attendanceEvents /attendanceSchedule /absences
// (all writable) and /aggregatedAttendance (rows computed by the dataset, no id, no lookup).
import type * as W from '../../../ss12000/wire';
import { lookupBy, refIn, unique, valueIn } from '../filters';
import { definePath, type FilterDef, type PathDef } from '../path-def';
import { groupFragment } from './register';

const ids = (value: unknown): string[] => (Array.isArray(value) ? value : [String(value)]);

const attendanceStudent = refIn('attendances', 'student.id');
const attendanceEvent = refIn('attendances', 'calendarEvent.id');

/** Attendance rows of the lessons (calendar events) of the given activities. */
const attendanceActivity: FilterDef<W.Attendance> = (value, ctx) => {
  const events = ids(value).flatMap((a) => ctx.indexes.where('calendarEvents', 'activity.id', a));
  const eventIds = new Set(events.map((e) => e.id));
  return {
    test: (a) => eventIds.has(a.calendarEvent.id),
    candidates: () => unique([...eventIds].flatMap((e) => ctx.indexes.where('attendances', 'calendarEvent.id', e))),
  };
};

/** Attendance rows of lessons of the organisation's activities. */
const attendanceOrganisation: FilterDef<W.Attendance> = (value, ctx) => {
  const activities = ctx.indexes.where('activities', 'organisation.id', String(value)).map((a) => a.id);
  return attendanceActivity(activities, ctx);
};

const attendances = definePath({
  name: 'attendances',
  filters: { student: attendanceStudent, organisation: attendanceOrganisation, calendarEvent: attendanceEvent },
  lookup: {
    activities: lookupBy('attendances', attendanceActivity),
    students: lookupBy('attendances', attendanceStudent),
    // Spec spelling: the body field is `calendareEvents`.
    calendareEvents: lookupBy('attendances', attendanceEvent),
  },
});

const eventPerson = refIn('attendanceEvents', 'person.id');
const eventGroup = refIn('attendanceEvents', 'group.id');

const attendanceEvents = definePath({
  name: 'attendanceEvents',
  filters: { group: eventGroup, person: eventPerson },
  expand: {
    person: (e, ctx) => ctx.ds.persons.get(e.person.id),
    group: (e, ctx) => {
      const g = ctx.ds.groups.get(e.group.id);
      return g ? groupFragment(g) : undefined;
    },
    registeredBy: (e, ctx) => (e.registeredBy ? ctx.ds.persons.get(e.registeredBy.id) : undefined),
  },
  lookup: { person: lookupBy('attendanceEvents', eventPerson), group: lookupBy('attendanceEvents', eventGroup) },
});

const schedulePlacement = refIn('attendanceSchedule', 'placement.id');

/** Schedules of the placements in a (preschool) group. */
const scheduleGroup: FilterDef<W.AttendanceSchedule> = (value, ctx) =>
  schedulePlacement(
    ctx.indexes.where('placements', 'group.id', String(value)).map((p) => p.id),
    ctx,
  );

const attendanceSchedule = definePath({
  name: 'attendanceSchedule',
  filters: { placement: schedulePlacement, group: scheduleGroup },
  lookup: { placement: lookupBy('attendanceSchedule', schedulePlacement) },
});

const absences = definePath({
  name: 'absences',
  filters: {
    organisation: refIn('absences', 'organisation.id'),
    student: refIn('absences', 'student.id'),
    registeredBy: refIn('absences', 'registeredBy.id'),
    type: valueIn('type'),
  },
});

// The dataset answers startDate/endDate/organisation/schoolType/student itself (see rows.ts).
const aggregatedAttendance = definePath({
  name: 'aggregatedAttendance',
  expand: {
    activity: (row, ctx) => ctx.ds.activities.get(row.activity.id),
    student: (row, ctx) => ctx.ds.persons.get(row.student.id),
  },
});

export const ATTENDANCE_PATHS: PathDef[] = [attendances, attendanceEvents, attendanceSchedule, absences, aggregatedAttendance] as PathDef[];
