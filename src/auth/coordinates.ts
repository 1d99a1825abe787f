import { GOVERNED_TYPES, type FieldGrant } from './field-grant';

/** `Type.field`, the name a FORBIDDEN error and the audit log use. */
export const coordinate = (typeName: string, fieldName: string): string => `${typeName}.${fieldName}`;

/**
 * Whether the grant decides over a type's fields. Root types, every type a preset names and every
 * federation entity are governed (deny by default): an entity added later without a preset stays
 * closed. Value types (Meta, Email, connections, edges …) are not: the field that holds them is.
 */
export const isGovernedType = (typeName: string, entityTypes: ReadonlySet<string>): boolean =>
  typeName === 'Query' || typeName === 'Mutation' || GOVERNED_TYPES.has(typeName) || entityTypes.has(typeName);

/** Whether a caller with `grant` may read `typeName.fieldName`. */
export const mayReadField = (grant: FieldGrant, entityTypes: ReadonlySet<string>, typeName: string, fieldName: string): boolean =>
  fieldName.startsWith('__') || !isGovernedType(typeName, entityTypes) || grant.canRead(typeName, fieldName);

/** Whether a caller may be handed an entity of this type at all (some field of it is granted). */
export const mayReadType = (grant: FieldGrant, entityTypes: ReadonlySet<string>, typeName: string): boolean =>
  !isGovernedType(typeName, entityTypes) || (grant.fields.get(typeName)?.size ?? 0) > 0;
