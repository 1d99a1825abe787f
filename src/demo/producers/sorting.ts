// `sortkey` values are the spec's enum per path (checked before we get here); each names a
// field and a direction, e.g. FamilyNameDesc, CivicNoAsc, ModifiedDesc, registeredDateAsc.
import { firstAt } from './dotted';
import { compareTime } from './filters';

const FIELDS: Record<string, string> = {
  Modified: 'meta.modified',
  CivicNo: 'civicNo.value',
};

const TIME = /^\d{4}-\d{2}-\d{2}/;

const sortValue = (entity: unknown, field: string): unknown => {
  const value = firstAt(entity, field);
  if (value !== undefined || field !== 'displayName') return value;
  // Persons have no displayName: sort them as a class list would, family name first.
  const p = entity as { givenName?: string; familyName?: string };
  return p.familyName !== undefined ? `${p.familyName} ${p.givenName ?? ''}` : undefined;
};

const compareValues = (a: unknown, b: unknown): number => {
  if (typeof a === 'string' && typeof b === 'string') {
    return TIME.test(a) && TIME.test(b) ? compareTime(a, b) : a.localeCompare(b, 'sv');
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return 0;
};

export function comparatorFor(sortkey: string): (a: unknown, b: unknown) => number {
  const m = /^(.*?)(Asc|Desc)$/.exec(sortkey);
  if (!m) throw new Error(`unsupported sortkey ${sortkey}`);
  const [, name, direction] = m as unknown as [string, string, string];
  const field = FIELDS[name] ?? name.charAt(0).toLowerCase() + name.slice(1);
  const sign = direction === 'Asc' ? 1 : -1;
  return (a, b) => {
    const va = sortValue(a, field);
    const vb = sortValue(b, field);
    // Entities without the field go last whatever the direction.
    if (va === undefined || vb === undefined) return va === vb ? 0 : va === undefined ? 1 : -1;
    return sign * compareValues(va, vb);
  };
}
