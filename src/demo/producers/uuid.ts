// Ids are uuids in the spec: anything else in an `{id}` position is a 400, not a 404.
import { badRequest } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export function requireUuid(id: string): string {
  if (!isUuid(id)) throw badRequest(`${id} is not a uuid`);
  return id;
}
