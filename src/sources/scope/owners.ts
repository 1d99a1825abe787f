// The school unit that owns a row, per collection, where the row itself (or one lookup) says it.
// Rows about a person (attendance, grades, study plans, placements...) are also held to their
// subject being inside the units: see person-refs.ts and gate.ts.
import { logger } from '../../config/logger';
import { rowsWithoutUnit } from '../../observability/metrics';
import type { ListName } from '../../ss12000/resources';
import type { LoadOptions, Sources } from '../types';

type Row = Record<string, unknown>;
/** The owning organisation id; undefined when the row names none (then only its persons decide). */
export type OwnerOf = (row: Row, raw: Sources, options: LoadOptions) => Promise<string | undefined> | string | undefined;

const ref = (row: Row, key: string): string | undefined => {
  const value = row[key] as { id?: unknown } | undefined;
  return typeof value?.id === 'string' ? value.id : undefined;
};

const activityOrganisation = async (activityId: string | undefined, raw: Sources, options: LoadOptions): Promise<string | undefined> => {
  if (activityId === undefined) return undefined;
  const activity = await raw.schedule.load('activities', activityId, options);
  // An event whose activity is unknown belongs to no unit the caller can be given.
  return activity?.organisation.id ?? '';
};

/**
 * A row that must name its unit and does not: no unit can be given it, so a unit-scoped supplier
 * does not see it (fail closed). Counted and logged with the row's id only (never personal data).
 */
const withoutUnit = (collection: ListName, row: Row): string => {
  rowsWithoutUnit.inc({ collection });
  logger.warn(
    { collection, id: typeof row.id === 'string' ? row.id : undefined },
    'row names no unit: withheld from a unit-scoped supplier',
  );
  return '';
};

/**
 * A grade's school unit. The spec's Grade requires `schoolUnit` yet defines the property as
 * `organisation` (a spec slip): producers send either, and both mean the unit.
 */
export const gradeUnit = (row: Row): string | undefined => ref(row, 'organisation') ?? ref(row, 'schoolUnit');

export const OWNERS: Partial<Record<ListName, OwnerOf>> = {
  // The huvudman and other parents above the caller's units are outside them too: a unit's
  // parentOrganisation reference then resolves to null, like any row outside the units.
  organisations: (row) => row.id as string,
  groups: (row) => ref(row, 'organisation'),
  activities: (row) => ref(row, 'organisation'),
  duties: (row) => ref(row, 'dutyAt'),
  placements: (row) => ref(row, 'placedAt'),
  schoolUnitOfferings: (row) => ref(row, 'offeredAt'),
  rooms: (row) => ref(row, 'owner'),
  resources: (row) => ref(row, 'owner'),
  absences: (row) => ref(row, 'organisation'),
  grades: (row) => gradeUnit(row) ?? withoutUnit('grades', row),
  calendarEvents: (row, raw, options) => activityOrganisation(ref(row, 'activity'), raw, options),
  aggregatedAttendance: (row, raw, options) => activityOrganisation(ref(row, 'activity'), raw, options),
  attendanceSchedule: async (row, raw, options) => {
    const placementId = ref(row, 'placement');
    if (placementId === undefined) return undefined;
    return (await raw.register.load('placements', placementId, options))?.placedAt.id ?? '';
  },
  attendanceEvents: async (row, raw, options) => {
    const groupId = ref(row, 'group');
    if (groupId === undefined) return undefined;
    return (await raw.register.load('groups', groupId, options))?.organisation.id ?? '';
  },
};
