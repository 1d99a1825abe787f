import type * as W from '../ss12000/wire';
import { PRESETS, type PresetName } from './presets';
import { getOrCompute } from '../lib/get-or-compute';

type EmailType = NonNullable<W.Person['emails']>[number]['type'];

const SCHOOL_EMAIL_TYPES: ReadonlySet<EmailType> = new Set<EmailType>(['Skola elev', 'Skola personal']);

/** What one set of presets lets a caller read: the union of the presets, nothing else. */
export interface FieldGrant {
  /** typeName → readable fields, root fields under `Query`. */
  readonly fields: ReadonlyMap<string, ReadonlySet<string>>;
  /** Deny by default: false for any type or field no preset names. */
  canRead(typeName: string, fieldName: string): boolean;
  /** Which `Person.emails` entries the data fetch may serve (`schoolEmail` alone: school addresses only). */
  readonly emailTypes: 'all' | ReadonlySet<EmailType>;
}

/**
 * Every type some preset governs (entity types and `Query`). Value types (Meta, Email,
 * Address, …) are not governed: the field that holds them is.
 */
export const GOVERNED_TYPES: ReadonlySet<string> = new Set(Object.values(PRESETS).flatMap((preset) => Object.keys(preset)));

const build = (scopes: readonly PresetName[]): FieldGrant => {
  const fields = new Map<string, Set<string>>();
  for (const scope of scopes) {
    for (const [typeName, names] of Object.entries(PRESETS[scope])) {
      const set = fields.get(typeName) ?? new Set<string>();
      for (const name of names) set.add(name);
      fields.set(typeName, set);
    }
  }
  const emailTypes = scopes.includes('email') ? 'all' : scopes.includes('schoolEmail') ? SCHOOL_EMAIL_TYPES : new Set<EmailType>();
  return {
    fields,
    canRead: (typeName, fieldName) => fields.get(typeName)?.has(fieldName) === true,
    emailTypes,
  };
};

// Suppliers share few distinct scope sets: a grant is built once per set, never per request.
const cache = new Map<string, FieldGrant>();

/** The grant for a set of presets (order and duplicates do not matter); memoised. */
export const fieldGrant = (scopes: readonly PresetName[]): FieldGrant => {
  const key = [...new Set(scopes)].sort().join(',');
  return getOrCompute(cache, key, () => build(scopes));
};
