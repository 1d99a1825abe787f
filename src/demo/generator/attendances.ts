import type * as W from '../../ss12000/wire';
import { ATTENDED, INVALID, lessonMinutes, OTHER, REASON, REPORTED, VALID } from './attendance-model';
import { localTime } from './calendar';
import type { CalendarEventSource } from './calendar-events';
import { EncodedIds } from './encoded-ids';
import type { LazySource } from './lazy-collection';
import type { ActivityInfo, World } from './model';
import { hash } from './random';

/** What all rows of one lesson share (reference and meta objects are shared: rows are read-only). */
interface Lesson {
  e: number;
  event: { id: string };
  /** When the teacher reported the lesson. */
  stamp: string;
  reportedMeta: W.Meta;
  /** Rows of unreported lessons exist from the lesson's start. */
  openMeta: W.Meta;
}

const REASONS = ['', 'Sjukdom', 'Beviljad ledighet', 'Ogiltig frånvaro', 'Sen ankomst', 'Elevrådsmöte'];

/** First index in the sorted `members` holding `s`, or -1. */
const indexIn = (members: Int32Array, s: number): number => {
  let lo = 0;
  let hi = members.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = members[mid] as number;
    if (v === s) return mid;
    if (v < s) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
};

/**
 * Per-lesson attendance, one row per (calendar event, expected student): the members of the
 * event's group less a member the event's studentExceptions excuse, plus a student they add;
 * none for a cancelled lesson (lesson-exceptions.ts). Tens of
 * millions at 100,000 students, so never stored. The key is event × students + student and
 * the id encodes the event, the student and a check value.
 *
 * `where` fields: 'student.id', 'calendarEvent.id'; derived through the event's activity:
 * 'activity.id' and 'organisation.id' (the activity's school unit).
 */
export class AttendanceSource implements LazySource<W.Attendance> {
  readonly count: number;
  private readonly ids: EncodedIds;
  private readonly scratch = new Int32Array(8);
  /** values() walks event by event: the ~25 rows of one lesson share its reference and timestamps. */
  private last: Lesson = {
    e: -1,
    event: { id: '' },
    stamp: '',
    reportedMeta: { created: '', modified: '' },
    openMeta: { created: '', modified: '' },
  };

  constructor(
    private readonly world: World,
    private readonly events: CalendarEventSource,
    private readonly studentRefs: readonly { id: string }[],
  ) {
    this.ids = new EncodedIds(world.config.seed, 'attendance');
    const { exceptions, schedule } = world;
    let count = 0;
    for (let e = 0; e < schedule.count; e++) {
      if (exceptions.cancelled(e)) continue;
      count += this.activityOfEvent(e).members.length;
      if (exceptions.absentMember(e) >= 0) count--;
      if (exceptions.guest(e) >= 0) count++;
    }
    this.count = count;
  }

  private get students(): number {
    return this.world.studentIds.length;
  }

  keyOf(e: number, s: number): number {
    return e * this.students + s;
  }

  activityOfEvent(e: number): ActivityInfo {
    return this.world.activities[this.world.schedule.activity[e] as number] as ActivityInfo;
  }

  *keys(): IterableIterator<number> {
    for (let e = 0; e < this.world.schedule.count; e++) yield* this.ofEvent(e);
  }

  /** Whether student s is expected at event e (and so has a row). */
  expects(e: number, s: number): boolean {
    const { exceptions } = this.world;
    if (exceptions.cancelled(e)) return false;
    if (exceptions.guest(e) === s) return true;
    return exceptions.absentMember(e) !== s && indexIn(this.activityOfEvent(e).members, s) >= 0;
  }

  idOf(e: number, s: number): string {
    return this.ids.encode(e, s * 65536 + (hash(this.world.config.seed, e, s, 0xa7) & 0xffff));
  }

  decode(id: string): number | undefined {
    const parts = this.ids.decode(id);
    if (!parts) return undefined;
    const [e, lo] = parts;
    const s = Math.floor(lo / 65536);
    if (e >= this.world.schedule.count || s >= this.students) return undefined;
    if (lo % 65536 !== (hash(this.world.config.seed, e, s, 0xa7) & 0xffff)) return undefined;
    return this.expects(e, s) ? this.keyOf(e, s) : undefined;
  }

  build(key: number): W.Attendance {
    const n = this.students;
    const s = key % n;
    const e = (key - s) / n;
    const m = lessonMinutes(this.world, e, s, this.scratch);
    const lesson = this.lesson(e);
    const reported = (m[REPORTED] as number) > 0;
    const reason = REASONS[m[REASON] as number] as string;
    const row: W.Attendance = {
      id: this.idOf(e, s),
      meta: reported ? lesson.reportedMeta : lesson.openMeta,
      calendarEvent: lesson.event,
      student: this.studentRefs[s] as { id: string },
      isReported: reported,
    };
    if (reported) {
      row.reporter = this.reporterOf(e);
      row.attendanceMinutes = m[ATTENDED] as number;
      row.validAbsenceMinutes = m[VALID] as number;
      row.invalidAbsenceMinutes = m[INVALID] as number;
      row.otherAttendanceMinutes = m[OTHER] as number;
      row.reportedTimestamp = lesson.stamp;
    } else if ((m[VALID] as number) > 0) {
      row.validAbsenceMinutes = m[VALID] as number;
    }
    if (reason) row.absenceReason = reason;
    return row;
  }

  /** The teacher who reports: a substitute standing in, else the activity's teacher. */
  private reporterOf(e: number): { id: string } {
    const activity = this.activityOfEvent(e);
    const t = this.world.exceptions.substitute(e);
    return t >= 0 ? (this.world.units[activity.unit]?.teacherPersons[t] as { id: string }) : activity.teacherPerson;
  }

  private lesson(e: number): Lesson {
    if (this.last.e !== e) {
      const { schedule, days, config } = this.world;
      const day = days[schedule.day[e] as number] as World['days'][number];
      const start = schedule.start[e] as number;
      const end = start + (schedule.minutes[e] as number);
      const stamp = localTime(day, end + 5 + (hash(config.seed, e, 0x71) % 120));
      const opened = localTime(day, start);
      this.last = {
        e,
        event: { id: this.events.idOf(e) },
        stamp,
        reportedMeta: { created: stamp, modified: stamp },
        openMeta: { created: opened, modified: opened },
      };
    }
    return this.last;
  }

  whereKeys(field: string, id: string): Iterable<number> | undefined {
    switch (field) {
      case 'student.id': {
        const s = this.world.studentIndex.get(id);
        return s === undefined ? [] : this.ofStudent(s);
      }
      case 'calendarEvent.id': {
        const e = this.events.decode(id);
        return e === undefined ? [] : this.ofEvents([e]);
      }
      case 'activity.id':
      case 'organisation.id': {
        const events = this.events.whereKeys(field, id);
        return events === undefined ? [] : this.ofEvents(events);
      }
      default:
        return undefined;
    }
  }

  /** A written row's activity and organisation come through its calendar event. */
  matches(row: W.Attendance, field: string, id: string): boolean | undefined {
    if (field !== 'activity.id' && field !== 'organisation.id') return undefined;
    const e = this.events.decode(row.calendarEvent.id);
    if (e === undefined) return false;
    const activity = this.activityOfEvent(e);
    return field === 'activity.id' ? activity.ref.id === id : this.world.units[activity.unit]?.ref.id === id;
  }

  private *ofStudent(s: number): IterableIterator<number> {
    const { studentActivityOffsets: off, studentActivityList: list, activities, exceptions } = this.world;
    for (let i = off[s] as number; i < (off[s + 1] as number); i++) {
      const a = activities[list[i] as number] as ActivityInfo;
      for (let e = a.firstEvent; e < a.firstEvent + a.eventCount; e++) {
        if (!exceptions.cancelled(e) && exceptions.absentMember(e) !== s) yield this.keyOf(e, s);
      }
    }
    for (const e of exceptions.guestEvents(s)) yield this.keyOf(e, s);
  }

  private *ofEvent(e: number): IterableIterator<number> {
    const { exceptions } = this.world;
    if (exceptions.cancelled(e)) return;
    const members = this.activityOfEvent(e).members;
    const absent = exceptions.absentMember(e);
    const n = this.students;
    for (let i = 0; i < members.length; i++) if (members[i] !== absent) yield e * n + (members[i] as number);
    const guest = exceptions.guest(e);
    if (guest >= 0) yield e * n + guest;
  }

  private *ofEvents(events: Iterable<number>): IterableIterator<number> {
    for (const e of events) yield* this.ofEvent(e);
  }
}
