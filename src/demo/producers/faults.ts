// Fault knobs: latency, 503s, requests left hanging, broken bodies, and query parameters ignored as
// real producers ignore ones they do not know. A rate of 0 never and 1 always fires, so tests can rely on them.
import { badRequest } from './errors';

export interface FaultSettings {
  latencyMs: number;
  errorRate: number;
  timeoutRate: number;
  malformedRate: number;
  /** Query parameters of GET lists dropped before the request is answered (`student` → every student's rows). */
  ignoreFilters: readonly string[];
  /** Rows of every list page and lookup answer in reverse order: SS 12000 promises no order, so the gateway must not rely on one. */
  reverseRows: boolean;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  timeoutRate: 0,
  malformedRate: 0,
  ignoreFilters: [],
  reverseRows: false,
};

const RATES = ['errorRate', 'timeoutRate', 'malformedRate'] as const;

/** Merges a partial update into the current settings; throws a 400-style error on nonsense. */
export function mergeFaults(current: FaultSettings, update: unknown): FaultSettings {
  if (update === null || typeof update !== 'object' || Array.isArray(update)) throw badRequest('Fault settings must be a JSON object');
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (key === 'latencyMs') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw badRequest('latencyMs must be a number >= 0');
      next.latencyMs = value;
    } else if (key === 'ignoreFilters') {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
        throw badRequest('ignoreFilters must be an array of parameter names');
      next.ignoreFilters = [...(value as string[])];
    } else if (key === 'reverseRows') {
      if (typeof value !== 'boolean') throw badRequest('reverseRows must be true or false');
      next.reverseRows = value;
    } else if ((RATES as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw badRequest(`${key} must be a number in [0, 1]`);
      next[key as (typeof RATES)[number]] = value;
    } else {
      throw badRequest(`Unknown fault setting ${key}`);
    }
  }
  return next;
}

export const fires = (rate: number): boolean => rate > 0 && Math.random() < rate;
