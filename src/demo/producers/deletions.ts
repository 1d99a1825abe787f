// /deletedEntities: what this producer deleted, by SS 12000 entity name, since a moment.
import { pageOf, pageRequest } from './simple-page';

// DeletedEntities.data field per entity name, spelled as the spec spells them (`activitites`).
const DATA_KEYS: Record<string, string> = {
  Absence: 'absences',
  AttendanceEvent: 'attendanceEvents',
  Attendance: 'attendances',
  Grade: 'grades',
  CalendarEvent: 'calendarEvents',
  AttendanceSchedule: 'attendanceSchedules',
  Resource: 'resources',
  Room: 'rooms',
  Activity: 'activitites',
  Duty: 'duties',
  Placement: 'placements',
  StudyPlan: 'studyPlans',
  Programme: 'programmes',
  Syllabus: 'syllabuses',
  SchoolUnitOffering: 'schoolUnitOfferings',
  Group: 'groups',
  Person: 'persons',
  Organisation: 'organisations',
};

interface Deletion {
  readonly entity: string;
  readonly id: string;
  readonly at: number;
}

export class DeletionLog {
  private readonly deletions: Deletion[] = [];

  /** `entities`: the entity names (`Attendance` ...) this producer owns. */
  constructor(private readonly entities: readonly string[]) {}

  record(entity: string, id: string): void {
    this.deletions.push({ entity, id, at: Date.now() });
  }

  answer(search: URLSearchParams): { data: Record<string, string[]>; pageToken: string | null } {
    const request = pageRequest('/deletedEntities', search);
    const { after: since, entities } = request.query;
    const after = typeof since === 'string' ? Date.parse(since) : Number.NEGATIVE_INFINITY;
    const asked = (entities as string[] | undefined) ?? this.entities;
    const wanted = this.entities.filter((e) => asked.includes(e));
    const matching = this.deletions.filter((d) => d.at > after && wanted.includes(d.entity));
    const page = pageOf('/deletedEntities', matching, request);
    const data: Record<string, string[]> = Object.fromEntries(wanted.map((e) => [DATA_KEYS[e]!, []]));
    for (const d of page.data) data[DATA_KEYS[d.entity]!]!.push(d.id);
    return { data, pageToken: page.pageToken };
  }
}
