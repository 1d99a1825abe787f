import type * as W from '../ss12000/wire';
import { PRESET_VALUE_TYPES, PRESETS, TYPED_ATTRIBUTES, type PresetName, type TypedAttribute } from './presets';
import { getOrCompute } from '../lib/get-or-compute';

type EmailType = NonNullable<W.Person['emails']>[number]['type'];

/** Per typed Person attribute: every value, or only values of these types (none: an empty set). */
export type ValueTypes = Readonly<Record<TypedAttribute, 'all' | ReadonlySet<string>>>;

/** What one set of presets lets a caller read: the union of the presets, nothing else. */
export interface FieldGrant {
  /** typeName → readable fields, root fields under `Query`. */
  readonly fields: ReadonlyMap<string, ReadonlySet<string>>;
  /** Deny by default: false for any type or field no preset names. */
  canRead(typeName: string, fieldName: string): boolean;
  /** Which `Person.emails` entries the data fetch may serve (`schoolEmail` alone: school addresses only). */
  readonly emailTypes: 'all' | ReadonlySet<EmailType>;
  /** Which values of each typed Person attribute the data fetch may serve (see PRESET_VALUE_TYPES). */
  readonly valueTypes: ValueTypes;
}

/**
 * Every type some preset governs (entity types and `Query`). Value types (Meta, Email,
 * Address, …) are not governed: the field that holds them is.
 */
export const GOVERNED_TYPES: ReadonlySet<string> = new Set(Object.values(PRESETS).flatMap((preset) => Object.keys(preset)));

/** The union over the presets opening `Person.<attribute>`: a preset opening it unnarrowed opens every type. */
const typesOf = (scopes: readonly PresetName[], attribute: TypedAttribute): 'all' | ReadonlySet<string> => {
  const types = new Set<string>();
  for (const scope of scopes) {
    if (!(PRESETS[scope].Person ?? []).includes(attribute)) continue;
    const narrowed = PRESET_VALUE_TYPES[scope]?.[attribute];
    if (narrowed === undefined) return 'all';
    for (const type of narrowed) types.add(type);
  }
  return types;
};

const build = (scopes: readonly PresetName[]): FieldGrant => {
  const fields = new Map<string, Set<string>>();
  for (const scope of scopes) {
    for (const [typeName, names] of Object.entries(PRESETS[scope])) {
      const set = fields.get(typeName) ?? new Set<string>();
      for (const name of names) set.add(name);
      fields.set(typeName, set);
    }
  }
  const valueTypes = Object.fromEntries(
    TYPED_ATTRIBUTES.map((attribute) => [attribute, typesOf(scopes, attribute)]),
  ) as unknown as ValueTypes;
  return {
    fields,
    canRead: (typeName, fieldName) => fields.get(typeName)?.has(fieldName) === true,
    emailTypes: valueTypes.emails as 'all' | ReadonlySet<EmailType>,
    valueTypes,
  };
};

// Suppliers share few distinct scope sets: a grant is built once per set, never per request.
const cache = new Map<string, FieldGrant>();

/** The grant for a set of presets (order and duplicates do not matter); memoised. */
export const fieldGrant = (scopes: readonly PresetName[]): FieldGrant => {
  const key = [...new Set(scopes)].sort().join(',');
  return getOrCompute(cache, key, () => build(scopes));
};
