// Reads a dotted reference path ('teachers.duty.id', 'groups.id') from an entity, walking
// through arrays, and returns every id it reaches.
export const idsAt = (entity: unknown, path: readonly string[]): string[] => {
  let current: unknown[] = [entity];
  for (const key of path) {
    const next: unknown[] = [];
    for (const value of current) {
      const child = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      if (Array.isArray(child)) next.push(...child);
      else if (child !== undefined) next.push(child);
    }
    current = next;
  }
  return current.filter((value): value is string => typeof value === 'string');
};

export const splitPath = (field: string): string[] => field.split('.');
