// GET /readyz: whether this process can serve real answers now, as opposed to /healthz ("the process
// serves"). It reports each producer's circuit breaker and, on the gateway, whether the organisation
// tree unit scopes expand over is known.
//
// Status: `not_ready` (HTTP 503) only while the gateway does not know the organisation tree (unit-scoped
// suppliers get UPSTREAM_UNAVAILABLE until it does). An open breaker makes it `degraded` but still
// 200: the producer is down for every replica alike, the others' fields are still served, and a load
// balancer that pulled every replica would turn partial answers into none.
import type { BreakerState } from '../sources/shared/resilience';
import type { AdminResponse } from './admin-routes';

export interface ReadinessReport {
  status: 'ready' | 'degraded' | 'not_ready';
  /** Circuit breaker per producer this process calls. */
  producers: Record<string, BreakerState>;
  /** Gateway only: the organisation tree (unit scopes) is known. */
  organisationTree?: 'known' | 'unknown';
}

export type Readiness = () => ReadinessReport;

export interface ReadinessSources {
  breakers(): Record<string, BreakerState>;
  /** Gateway only. */
  organisationTreeKnown?: () => boolean;
}

export function readinessOf(sources: ReadinessSources): Readiness {
  return () => {
    const producers = sources.breakers();
    const tree = sources.organisationTreeKnown === undefined ? undefined : sources.organisationTreeKnown() ? 'known' : 'unknown';
    const degraded = Object.values(producers).some((state) => state !== 'closed');
    const status = tree === 'unknown' ? 'not_ready' : degraded ? 'degraded' : 'ready';
    return { status, producers, ...(tree === undefined ? {} : { organisationTree: tree }) };
  };
}

export function readinessResponse(readiness: Readiness | undefined): AdminResponse {
  const report: ReadinessReport = readiness?.() ?? { status: 'ready', producers: {} };
  return {
    status: report.status === 'not_ready' ? 503 : 200,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(report),
  };
}
