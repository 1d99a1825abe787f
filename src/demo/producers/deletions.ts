// /deletedEntities: what this producer deleted, by SS 12000 entity name, since a moment.
import { badRequest } from './errors';
import { parseQuery } from './query';
import { pageOf } from './simple-page';

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
    const parsed = parseQuery('GET', '/deletedEntities', search);
    const first = pageOf('/deletedEntities', [], parsed, search).query;
    const after = typeof first.after === 'string' ? Date.parse(first.after) : Number.NEGATIVE_INFINITY;
    if (Number.isNaN(after)) throw badRequest('after must be a date-time');
    const asked = (first.entities as string[] | undefined) ?? this.entities;
    const wanted = this.entities.filter((e) => asked.includes(e));
    const matching = this.deletions.filter((d) => d.at > after && wanted.includes(d.entity));
    const page = pageOf('/deletedEntities', matching, parsed, search);
    const data: Record<string, string[]> = Object.fromEntries(wanted.map((e) => [DATA_KEYS[e]!, []]));
    for (const d of page.data) data[DATA_KEYS[d.entity]!]!.push(d.id);
    return { data, pageToken: page.pageToken };
  }
}
