// The generator's internal model: compact, index-based facts that the wire objects and the
// lazy collections are built from. Students are numbered 0..n-1; so are activities and events.
import type * as W from '../../ss12000/wire';
import type { SchoolDay } from './calendar';
import type { LessonExceptions } from './lesson-exceptions';
import type { GeneratorConfig } from './options';

export type UnitKind = 'F-6' | '7-9' | 'GY';

export interface Ref {
  readonly id: string;
}

export interface UnitInfo {
  readonly index: number;
  readonly ref: Ref;
  readonly kind: UnitKind;
  readonly name: string;
  /** Student indexes enrolled here. */
  readonly students: number[];
  /** Duty ids of the unit's teachers, and their person ids (same order). */
  teacherDuties: Ref[];
  teacherPersons: Ref[];
  /** Person id of the principal, who registers grades and absences. */
  principal: Ref;
  resources: Ref[];
}

export interface ActivityInfo {
  readonly ref: Ref;
  readonly unit: number;
  readonly schoolType: W.SchoolType;
  readonly group: Ref;
  readonly className: string;
  readonly schoolYear: number;
  /** Sorted student indexes: the members of the activity's only group. */
  readonly members: Int32Array;
  readonly syllabus?: Ref;
  readonly teacherDuty: Ref;
  readonly teacherPerson: Ref;
  readonly graded: boolean;
  firstEvent: number;
  eventCount: number;
}

/** Calendar events, column-wise: at 100,000 students there are about two million. */
export interface Schedule {
  readonly activity: Int32Array;
  readonly day: Uint16Array;
  readonly start: Uint16Array;
  readonly minutes: Uint16Array;
  /** Index into World.rooms. */
  readonly room: Int32Array;
  readonly count: number;
}

export interface World {
  readonly config: GeneratorConfig;
  readonly days: readonly SchoolDay[];
  readonly huvudman: Ref;
  readonly units: UnitInfo[];
  readonly studentIds: string[];
  readonly studentIndex: Map<string, number>;
  readonly studentUnit: Int32Array;
  readonly rooms: Ref[];
  readonly activities: ActivityInfo[];
  /** Per student, the activity indexes they take (CSR: activitiesOf[offsets[s]..offsets[s+1]]). */
  readonly studentActivityOffsets: Int32Array;
  readonly studentActivityList: Int32Array;
  readonly schedule: Schedule;
  /** Cancelled lessons, student and teacher exceptions on single lessons. */
  readonly exceptions: LessonExceptions;
}
