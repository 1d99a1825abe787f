// The body of the admin API's supplier edits and previews: the keys of a supplier entry the console
// may change, applied to the entry as the file holds it; and the `Type.field`s of a contract, to diff.
import { type GraphQLSchema, isObjectType } from 'graphql';
import type { SupplierFile } from '../../auth/suppliers-schema';
import { AdminApiError } from './json';

/** The keys of a supplier entry the console edits; the rest (name, keys, JWT, trusted documents, webhook) stay as they are. */
export const EDITABLE = ['units', 'scopes', 'writes', 'protectedIdentities', 'minGroupSize', 'costBudget', 'rateLimit'] as const;

export const permissionsOf = (body: Record<string, unknown>): Partial<SupplierFile> => {
  const unknown = Object.keys(body).filter((key) => !(EDITABLE as readonly string[]).includes(key));
  if (unknown.length > 0)
    throw new AdminApiError(400, 'BAD_USER_INPUT', `Not editable here: ${unknown.join(', ')} (editable: ${EDITABLE.join(', ')}).`);
  return body as Partial<SupplierFile>;
};

/** The entry with its editable keys replaced by `permissions` (an editable key left out is removed). */
export const withPermissions =
  (permissions: Partial<SupplierFile>) =>
  (entry: SupplierFile): SupplierFile => {
    const next = { ...entry } as Record<string, unknown>;
    for (const key of EDITABLE) {
      if (permissions[key] === undefined || permissions[key] === null) delete next[key];
      else next[key] = permissions[key];
    }
    return next as unknown as SupplierFile;
  };

export const coordinates = (schema: GraphQLSchema): Set<string> => {
  const found = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.keys(type.getFields())) found.add(`${type.name}.${field}`);
  }
  return found;
};
