import { registerEnumType } from 'type-graphql';

/**
 * The GraphQL name of an SS 12000 value: upper snake case, diacritics dropped
 * (`Skyddad folkbokföring` → SKYDDAD_FOLKBOKFORING, `Speciallärare/specialpedagog` → SPECIALLARARE_SPECIALPEDAGOG,
 * `ModifiedDesc` → MODIFIED_DESC).
 */
export function toEnumKey(value: string): string {
  const key = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    // CamelCase words split too: `ModifiedDesc` → MODIFIED_DESC.
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  // GraphQL names may not start with a digit.
  return /^[0-9]/.test(key) ? `_${key}` : key;
}

/**
 * An SS 12000 enum as a GraphQL enum. The internal value of each key IS the SS 12000 string,
 * so wire objects pass through resolvers unchanged and arguments arrive in wire form.
 */
export function ss12000Enum<const T extends string>(name: string, values: readonly T[], description: string): { [key: string]: T } {
  const enumObject: { [key: string]: T } = {};
  const valuesConfig: { [key: string]: { description: string } } = {};
  for (const value of values) {
    const key = toEnumKey(value);
    if (key in enumObject) throw new Error(`Enum ${name}: "${value}" and "${enumObject[key]}" both map to ${key}.`);
    enumObject[key] = value;
    valuesConfig[key] = { description: value };
  }
  registerEnumType(enumObject, { name, description, valuesConfig });
  return enumObject;
}
