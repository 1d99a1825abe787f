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
