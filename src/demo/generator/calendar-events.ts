import type * as W from '../../ss12000/wire';
import { localTime } from './calendar';
import { EncodedIds } from './encoded-ids';
import type { LazySource } from './lazy-collection';
import type { World } from './model';
import { hash } from './random';

const DAY_MS = 86_400_000;

/**
 * Calendar events built on demand from the compact schedule (about two million at 100,000
 * students). The id carries the event index and a hash of it, so get(id) is a decode.
 *
 * `where` fields: 'activity.id'; derived through the activity: 'organisation.id',
 * 'group.id' (the activity's group), 'teacher.id' (a teacher's duty id, and events it stands in
 * at), and 'student.id' (events of the activities whose group the student belongs to, and events
 * the student joins as an exception), as the spec's `student` and `teacher` filters define them.
 */
export class CalendarEventSource implements LazySource<W.CalendarEvent> {
  readonly ids: EncodedIds;
  private readonly activityIndex = new Map<string, number>();
  private readonly byOrganisation = new Map<string, number[]>();
  private readonly byGroup = new Map<string, number[]>();
  private readonly byTeacher = new Map<string, number[]>();

  constructor(private readonly world: World) {
    this.ids = new EncodedIds(world.config.seed, 'calendarEvent');
    world.activities.forEach((a, i) => {
      this.activityIndex.set(a.ref.id, i);
      const unitId = (world.units[a.unit] as { ref: { id: string } }).ref.id;
      for (const [map, key] of [
        [this.byOrganisation, unitId],
        [this.byGroup, a.group.id],
        [this.byTeacher, a.teacherDuty.id],
      ] as const) {
        const list = map.get(key) ?? [];
        list.push(i);
        map.set(key, list);
      }
    });
  }

  get count(): number {
    return this.world.schedule.count;
  }

  *keys(): IterableIterator<number> {
    for (let e = 0; e < this.world.schedule.count; e++) yield e;
  }

  idOf(e: number): string {
    return this.ids.encode(hash(this.world.config.seed, e, 0xce), e);
  }

  decode(id: string): number | undefined {
    const parts = this.ids.decode(id);
    if (!parts) return undefined;
    const [check, e] = parts;
    return e < this.world.schedule.count && check === hash(this.world.config.seed, e, 0xce) ? e : undefined;
  }

  activityOf(activityId: string): number | undefined {
    return this.activityIndex.get(activityId);
  }

  build(e: number): W.CalendarEvent {
    const { schedule, days, activities, rooms, units, config, exceptions } = this.world;
    const activity = activities[schedule.activity[e] as number] as World['activities'][number];
    const day = days[schedule.day[e] as number] as World['days'][number];
    const start = schedule.start[e] as number;
    const minutes = schedule.minutes[e] as number;
    const h = hash(config.seed, e, 0x3e7a);
    const created = Date.parse(`${config.termStart}T06:00:00Z`) - (1 + (h % 30)) * DAY_MS + (h % 600) * 60_000;
    const resources = units[activity.unit]?.resources ?? [];
    const startTime = localTime(day, start);
    const endTime = localTime(day, start + minutes);
    const cancelled = exceptions.cancelled(e);
    const deviates = cancelled || exceptions.absentMember(e) >= 0 || exceptions.guest(e) >= 0 || exceptions.substitute(e) >= 0;
    // A deviation is registered one to five days before the lesson, after the event existed (created is before the term).
    const modified = deviates
      ? Math.max(created + (1 + (h % 59)) * 60_000, Date.parse(startTime) - (1 + (h % 5)) * DAY_MS - (h % 300) * 60_000)
      : created;
    const event: W.CalendarEvent = {
      id: this.idOf(e),
      meta: { created: new Date(created).toISOString(), modified: new Date(modified).toISOString() },
      activity: activity.ref,
      startTime,
      endTime,
      cancelled,
      teachingLengthTeacher: cancelled ? 0 : minutes,
      teachingLengthStudent: cancelled ? 0 : minutes,
      rooms: [rooms[schedule.room[e] as number] as { id: string }],
      // One lesson in ten books a projector or a laptop trolley.
      ...(h % 10 === 0 && resources.length > 0 ? { resources: [resources[(h >>> 8) % resources.length] as { id: string }] } : {}),
    };
    const studentExceptions = this.studentExceptionsOf(e, startTime, endTime, minutes);
    if (studentExceptions.length > 0) event.studentExceptions = studentExceptions;
    const substitute = exceptions.substitute(e);
    if (substitute >= 0) {
      const duty = units[activity.unit]?.teacherDuties[substitute] as { id: string };
      event.teacherExceptions = [
        { duty: activity.teacherDuty, participates: false, teachingLength: 0 },
        { duty, participates: true, startTime, endTime, teachingLength: minutes },
      ];
    }
    return event;
  }

  private studentExceptionsOf(
    e: number,
    startTime: string,
    endTime: string,
    minutes: number,
  ): NonNullable<W.CalendarEvent['studentExceptions']> {
    const { exceptions, studentIds } = this.world;
    const list: NonNullable<W.CalendarEvent['studentExceptions']> = [];
    const absent = exceptions.absentMember(e);
    if (absent >= 0) list.push({ student: { id: studentIds[absent] as string }, participates: false, teachingLength: 0 });
    const guest = exceptions.guest(e);
    if (guest >= 0)
      list.push({ student: { id: studentIds[guest] as string }, participates: true, startTime, endTime, teachingLength: minutes });
    return list;
  }

  whereKeys(field: string, id: string): Iterable<number> | undefined {
    switch (field) {
      case 'activity.id': {
        const a = this.activityIndex.get(id);
        return a === undefined ? [] : this.eventsOf([a]);
      }
      case 'organisation.id':
        return this.eventsOf(this.byOrganisation.get(id) ?? []);
      case 'group.id':
        return this.eventsOf(this.byGroup.get(id) ?? []);
      case 'teacher.id':
        return this.withExtra(this.eventsOf(this.byTeacher.get(id) ?? []), this.world.exceptions.substituteEvents(id));
      case 'student.id': {
        const s = this.world.studentIndex.get(id);
        if (s === undefined) return [];
        const { studentActivityOffsets: off, studentActivityList: list } = this.world;
        return this.withExtra(
          this.eventsOf(Array.from(list.subarray(off[s] as number, off[s + 1] as number))),
          this.world.exceptions.guestEvents(s),
        );
      }
      default:
        return undefined;
    }
  }

  /** Derived fields of a written event, through its activity (undefined: the field is the event's own). */
  matches(event: W.CalendarEvent, field: string, id: string): boolean | undefined {
    const a = this.activityIndex.get(event.activity.id);
    const info = a === undefined ? undefined : this.world.activities[a];
    switch (field) {
      case 'organisation.id':
        return info !== undefined && this.world.units[info.unit]?.ref.id === id;
      case 'group.id':
        return info?.group.id === id;
      case 'teacher.id':
        return info?.teacherDuty.id === id;
      case 'student.id': {
        const s = this.world.studentIndex.get(id);
        return info !== undefined && s !== undefined && info.members.includes(s);
      }
      default:
        return undefined;
    }
  }

  /** The spec's student and teacher filters also match events that name the person in an exception. */
  private *withExtra(own: Iterable<number>, extra: readonly number[]): IterableIterator<number> {
    yield* own;
    yield* extra;
  }

  private *eventsOf(activityIndexes: readonly number[]): IterableIterator<number> {
    for (const a of activityIndexes) {
      const { firstEvent, eventCount } = this.world.activities[a] as World['activities'][number];
      for (let e = firstEvent; e < firstEvent + eventCount; e++) yield e;
    }
  }
}
