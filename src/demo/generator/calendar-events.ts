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
 * 'group.id' (the activity's group), 'teacher.id' (a teacher's duty id), and 'student.id'
 * (events of the activities whose group the student belongs to).
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
    const { schedule, days, activities, rooms, units, config } = this.world;
    const activity = activities[schedule.activity[e] as number] as World['activities'][number];
    const day = days[schedule.day[e] as number] as World['days'][number];
    const start = schedule.start[e] as number;
    const minutes = schedule.minutes[e] as number;
    const h = hash(config.seed, e, 0x3e7a);
    const created = Date.parse(`${config.termStart}T06:00:00Z`) - (1 + (h % 30)) * DAY_MS + (h % 600) * 60_000;
    const resources = units[activity.unit]?.resources ?? [];
    return {
      id: this.idOf(e),
      meta: { created: new Date(created).toISOString(), modified: new Date(created).toISOString() },
      activity: activity.ref,
      startTime: localTime(day, start),
      endTime: localTime(day, start + minutes),
      cancelled: false,
      teachingLengthTeacher: minutes,
      teachingLengthStudent: minutes,
      rooms: [rooms[schedule.room[e] as number] as { id: string }],
      // One lesson in ten books a projector or a laptop trolley.
      ...(h % 10 === 0 && resources.length > 0 ? { resources: [resources[(h >>> 8) % resources.length] as { id: string }] } : {}),
    };
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
        return this.eventsOf(this.byTeacher.get(id) ?? []);
      case 'student.id': {
        const s = this.world.studentIndex.get(id);
        if (s === undefined) return [];
        const { studentActivityOffsets: off, studentActivityList: list } = this.world;
        return this.eventsOf(Array.from(list.subarray(off[s] as number, off[s + 1] as number)));
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

  private *eventsOf(activityIndexes: readonly number[]): IterableIterator<number> {
    for (const a of activityIndexes) {
      const { firstEvent, eventCount } = this.world.activities[a] as World['activities'][number];
      for (let e = firstEvent; e < firstEvent + eventCount; e++) yield e;
    }
  }
}
