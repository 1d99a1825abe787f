// Which producer owns which SS 12000 collection path (see shared/ss12000/README.md), and what each path offers.
import type * as W from './wire';

export type ProducerName = 'register' | 'schedule' | 'attendance' | 'grades';
export const PRODUCERS: readonly ProducerName[] = ['register', 'schedule', 'attendance', 'grades'];

/** The wire type behind each collection, keyed by the name we use in code (the path without the slash). */
export interface ResourceTypes {
  organisations: W.Organisation;
  persons: W.Person;
  placements: W.Placement;
  duties: W.Duty;
  groups: W.Group;
  programmes: W.Programme;
  syllabuses: W.Syllabus;
  schoolUnitOfferings: W.SchoolUnitOffering;
  studyplans: W.StudyPlan;
  activities: W.Activity;
  calendarEvents: W.CalendarEvent;
  rooms: W.Room;
  resources: W.Resource;
  attendances: W.Attendance;
  attendanceEvents: W.AttendanceEvent;
  attendanceSchedule: W.AttendanceSchedule;
  absences: W.Absence;
  grades: W.Grade;
}
export type ResourceName = keyof ResourceTypes;

export interface ResourceInfo {
  readonly producer: ProducerName;
  /** URL path under the producer's base URL, as the spec spells it. */
  readonly path: string;
  /** `POST /path/lookup` exists. /studyplans has none: fetch by id instead. */
  readonly hasLookup: boolean;
  /** The entity name used by /deletedEntities (`entities=` values). */
  readonly deletedEntityName: string;
}

const r = (producer: ProducerName, path: string, deletedEntityName: string, hasLookup = true): ResourceInfo => ({
  producer,
  path,
  hasLookup,
  deletedEntityName,
});

export const RESOURCES: { readonly [K in ResourceName]: ResourceInfo } = {
  organisations: r('register', '/organisations', 'Organisation'),
  persons: r('register', '/persons', 'Person'),
  placements: r('register', '/placements', 'Placement'),
  duties: r('register', '/duties', 'Duty'),
  groups: r('register', '/groups', 'Group'),
  programmes: r('register', '/programmes', 'Programme'),
  syllabuses: r('register', '/syllabuses', 'Syllabus'),
  schoolUnitOfferings: r('register', '/schoolUnitOfferings', 'SchoolUnitOffering'),
  studyplans: r('grades', '/studyplans', 'StudyPlan', false),
  activities: r('schedule', '/activities', 'Activity'),
  calendarEvents: r('schedule', '/calendarEvents', 'CalendarEvent'),
  rooms: r('schedule', '/rooms', 'Room'),
  resources: r('schedule', '/resources', 'Resource'),
  attendances: r('attendance', '/attendances', 'Attendance'),
  attendanceEvents: r('attendance', '/attendanceEvents', 'AttendanceEvent'),
  attendanceSchedule: r('attendance', '/attendanceSchedule', 'AttendanceSchedule'),
  absences: r('attendance', '/absences', 'Absence'),
  grades: r('grades', '/grades', 'Grade'),
};

export const resourcesOf = (producer: ProducerName): ResourceName[] =>
  (Object.keys(RESOURCES) as ResourceName[]).filter((name) => RESOURCES[name].producer === producer);

/** Paths that can be listed: every resource plus /aggregatedAttendance (rows without id, no lookup, no by-id). */
export interface ListTypes extends ResourceTypes {
  aggregatedAttendance: W.AggregatedAttendance;
}
export type ListName = keyof ListTypes;
export const AGGREGATED_ATTENDANCE_PATH = '/aggregatedAttendance';
