// Reads a dotted reference path ('groupMemberships.person.id') through nested objects and
// arrays, the way filters and indexes name fields.
export function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const item of current) {
      const inner = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
      if (Array.isArray(inner)) next.push(...inner);
      else if (inner !== undefined && inner !== null) next.push(inner);
    }
    current = next;
  }
  return current;
}

export const firstAt = (value: unknown, path: string): unknown => valuesAt(value, path)[0];
