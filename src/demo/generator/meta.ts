import type * as W from '../../ss12000/wire';
import type { Random } from './random';

const DAY_MS = 86_400_000;

/**
 * meta.created/modified spread over the four months before the term (data is registered
 * over the summer); modified is created plus up to a few days, still before the term.
 */
export const metaBefore = (random: Random, termStart: string): W.Meta => {
  const start = Date.parse(`${termStart}T00:00:00Z`);
  const created = start - random.between(7, 120) * DAY_MS + random.between(6 * 60, 18 * 60) * 60_000;
  const modified = Math.min(created + random.between(0, 5) * DAY_MS, start - DAY_MS);
  return { created: new Date(created).toISOString(), modified: new Date(Math.max(created, modified)).toISOString() };
};

/** Meta for a row created at a moment (attendance reported after a lesson). */
export const metaAt = (iso: string): W.Meta => ({ created: iso, modified: iso });
