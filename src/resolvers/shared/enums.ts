import { registerEnumType } from 'type-graphql';
import { toEnumKey } from '../../lib/enum-key';

// Here since the graph's enums began here; the contract schema (src/gateway) maps names back too.
export { toEnumKey };

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
