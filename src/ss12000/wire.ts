// SS 12000 v2.1 payloads as they travel on the wire, named as the spec names them.
// Generated types live in openapi.gen.ts (`npm run gen:wire`); this file only gives them short names.
import type { components } from './openapi.gen';

type Schemas = components['schemas'];

export type Organisation = Schemas['Organisation'];
export type Person = Schemas['Person'];
export type PersonExpanded = Schemas['PersonExpanded'];
export type Placement = Schemas['Placement'];
export type Duty = Schemas['Duty'];
export type Group = Schemas['Group'];
export type Programme = Schemas['Programme'];
export type Syllabus = Schemas['Syllabus'];
export type SchoolUnitOffering = Schemas['SchoolUnitOffering'];
export type StudyPlan = Schemas['StudyPlan'];
export type Activity = Schemas['Activity'];
export type CalendarEvent = Schemas['CalendarEvent'];
export type Room = Schemas['Room'];
export type Resource = Schemas['Resource'];
export type Attendance = Schemas['Attendance'];
export type AttendanceEvent = Schemas['AttendanceEvent'];
export type AttendanceSchedule = Schemas['AttendanceSchedule'];
export type Absence = Schemas['Absence'];
export type AggregatedAttendance = Schemas['AggregatedAttendance'];
export type Grade = Schemas['Grade'];
export type Subscription = Schemas['Subscription'];
export type CreateSubscription = Schemas['CreateSubscription'];
export type DeletedEntities = Schemas['DeletedEntities'];
export type ErrorBody = Schemas['Error'];
export type Meta = Schemas['Meta'];
export type ObjectReference = Schemas['ObjectReference'];
export type PersonReference = Schemas['PersonReference'];
export type SecurityMarking = NonNullable<Person['securityMarking']>;
export type SchoolType = Schemas['SchoolTypesEnum'];
export type OrganisationType = Schemas['OrganisationTypeEnum'];
export type GroupType = Schemas['GroupTypesEnum'];
export type AssignmentRoleType = Schemas['AssignmentRoleTypeEnum'];

/** Every paged list answer: `pageToken` null means there is no next page. */
export interface Page<T> {
  data: T[];
  pageToken: string | null;
}
