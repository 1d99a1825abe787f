// What the change feed asks a producer (src/changes/): rows modified after a moment, what it deleted
// after a moment, and its /subscriptions. Reads of rows go through the ordinary unscoped source
// (paging, validation, tolerant reader); /deletedEntities and /subscriptions are plain JSON exchanges.
import { RESOURCES, resourcesOf, type ProducerName, type ResourceName } from '../../ss12000/resources';
import type * as W from '../../ss12000/wire';
import type { ProducerSource } from '../types';
import type { ProducerCapabilities } from './capabilities';
import type { ProducerHttpClient } from './http-client';

/** A row the producer says was modified, by the SS 12000 entity name (`Attendance` …). */
export interface ModifiedRow {
  readonly entity: string;
  readonly id: string;
  /** `meta.modified` as the producer sent it. */
  readonly modified: string;
}

export interface ChangeSource {
  readonly producer: ProducerName;
  /** The SS 12000 entity names this producer owns (`EndPointsEnum` values). */
  readonly entities: readonly string[];
  /** Whether to ask for webhooks at all (capabilities.subscriptions, default true). */
  readonly offersSubscriptions: boolean;
  /** Every row of `entity` with `meta.modified` after `after`, page by page. */
  modifiedAfter(entity: string, after: string): AsyncIterable<ModifiedRow[]>;
  /** Ids deleted after `after` (every page), by entity name. */
  deletedAfter(after: string, entities: readonly string[]): Promise<{ entity: string; id: string }[]>;
  createSubscription(body: W.CreateSubscription): Promise<W.Subscription>;
  renewSubscription(id: string): Promise<W.Subscription>;
  deleteSubscription(id: string): Promise<void>;
}

/** The resource (code name) of an entity name: `Attendance` → `attendances`. */
export const resourceOfEntity = (entity: string): ResourceName | undefined =>
  (Object.keys(RESOURCES) as ResourceName[]).find((name) => RESOURCES[name].deletedEntityName === entity);

// DeletedEntities.data keys, as the spec spells them (`activitites` included).
const DELETED_KEYS: Readonly<Record<string, string>> = {
  activitites: 'Activity',
  activities: 'Activity',
  absences: 'Absence',
  attendanceEvents: 'AttendanceEvent',
  attendances: 'Attendance',
  grades: 'Grade',
  calendarEvents: 'CalendarEvent',
  attendanceSchedules: 'AttendanceSchedule',
  resources: 'Resource',
  rooms: 'Room',
  duties: 'Duty',
  placements: 'Placement',
  studyPlans: 'StudyPlan',
  programmes: 'Programme',
  syllabuses: 'Syllabus',
  schoolUnitOfferings: 'SchoolUnitOffering',
  groups: 'Group',
  persons: 'Person',
  organisations: 'Organisation',
};

// Lists that cannot be asked without a window: the feed does not follow them (see src/changes/README.md).
const UNLISTABLE = new Set<ResourceName>(['calendarEvents']);

export function changeSource(
  producer: ProducerName,
  http: ProducerHttpClient,
  capabilities: ProducerCapabilities,
  raw: () => ProducerSource,
  subscriptions = true,
): ChangeSource {
  const entities = resourcesOf(producer)
    .filter((name) => !UNLISTABLE.has(name))
    .map((name) => RESOURCES[name].deletedEntityName);
  return {
    producer,
    entities,
    offersSubscriptions: subscriptions,
    async *modifiedAfter(entity, after) {
      const name = resourceOfEntity(entity);
      if (name === undefined || capabilities.missing(RESOURCES[name].path) !== undefined) return;
      for await (const page of raw().pages(name, { 'meta.modified.after': after })) {
        yield (page as { id?: string; meta?: { modified?: string } }[]).flatMap((row) =>
          typeof row.id === 'string' && typeof row.meta?.modified === 'string' ? [{ entity, id: row.id, modified: row.meta.modified }] : [],
        );
      }
    },
    async deletedAfter(after, asked) {
      const found: { entity: string; id: string }[] = [];
      let pageToken: string | null = null;
      do {
        const query = pageToken === null ? { after, entities: [...asked] } : { pageToken };
        const page = (await http.json({ method: 'GET', path: '/deletedEntities', query })) as W.DeletedEntities & {
          pageToken?: string | null;
        };
        for (const [key, ids] of Object.entries(page.data ?? {})) {
          const entity = DELETED_KEYS[key];
          if (entity === undefined || !Array.isArray(ids)) continue;
          for (const id of ids) if (typeof id === 'string') found.push({ entity, id });
        }
        pageToken = typeof page.pageToken === 'string' ? page.pageToken : null;
      } while (pageToken !== null);
      return found;
    },
    createSubscription: async (body) => (await http.json({ method: 'POST', path: '/subscriptions', body })) as W.Subscription,
    renewSubscription: async (id) =>
      (await http.json({
        method: 'PATCH',
        path: `/subscriptions/${encodeURIComponent(id)}`,
        route: '/subscriptions/{id}',
      })) as W.Subscription,
    deleteSubscription: async (id) => {
      await http.json({ method: 'DELETE', path: `/subscriptions/${encodeURIComponent(id)}`, route: '/subscriptions/{id}' });
    },
  };
}
