// The attendance producer's write endpoints: POST creates or replaces (validated against the
// spec schema, meta set here), DELETE removes and is remembered for /deletedEntities.
import { randomUUID } from 'node:crypto';
import type { Collection, Dataset } from '../dataset';
import { RESOURCES, type ResourceName } from '../../ss12000/resources';
import { validatorFor } from '../../ss12000/spec-validator';
import { badRequest, notFound } from './errors';
import { isUuid, requireUuid } from './uuid';

/** Writable paths and the schema their bodies follow. */
export const WRITABLE: Partial<Record<ResourceName, string>> = {
  attendances: 'Attendance',
  attendanceEvents: 'AttendanceEvent',
  attendanceSchedule: 'AttendanceSchedule',
  absences: 'Absence',
};

export interface WriteEffects {
  /** Called after every successful write with the entity name (`Attendance` ...). */
  changed(name: ResourceName, entity: string, id: string, deleted: boolean): void;
}

export function writeEntity(ds: Dataset, name: ResourceName, body: unknown, effects: WriteEffects): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Body must be a JSON object');
  const given = body as Record<string, unknown>;
  if (given.id !== undefined && !isUuid(given.id)) throw badRequest('id must be a uuid');
  const id = (given.id as string | undefined) ?? randomUUID();
  const collection = ds[name] as Collection<unknown>;
  const existing = collection.get(id) as { meta?: { created?: string } } | undefined;
  const now = new Date().toISOString();
  // id and meta are readOnly in the spec: the server owns them, whatever the client sent.
  const entity = { ...given, id, meta: { created: existing?.meta?.created ?? now, modified: now } };
  const check = validatorFor(WRITABLE[name]!)(entity);
  if (!check.ok) throw badRequest(`Invalid ${WRITABLE[name]}: ${check.errors}`);
  collection.set(id, entity);
  effects.changed(name, RESOURCES[name].deletedEntityName, id, false);
  return entity;
}

export function deleteEntity(ds: Dataset, name: ResourceName, id: string, effects: WriteEffects): void {
  requireUuid(id);
  if (!(ds[name] as Collection<unknown>).delete(id)) throw notFound(`No ${name} with id ${id}`);
  effects.changed(name, RESOURCES[name].deletedEntityName, id, true);
}
