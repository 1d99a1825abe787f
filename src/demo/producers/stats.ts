// Request counts per route (`GET /persons/{id}`), for tests and benchmarks that check batching.
export interface ProducerStats {
  total: number;
  byRoute: Record<string, number>;
}

// Enough for any test's requests; a long-running demo forgets the oldest.
const MAX_TRACE_IDS = 1_000;

export class StatsCounter {
  private counts = new Map<string, number>();
  private total = 0;
  private traces = new Set<string>();

  count(route: string): void {
    this.total += 1;
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  snapshot(): ProducerStats {
    return { total: this.total, byRoute: Object.fromEntries(this.counts) };
  }

  /** Notes the trace id of a request's `traceparent` (tests check the gateway's trace reached the producer). */
  sawTrace(traceId: string): void {
    this.traces.delete(traceId);
    this.traces.add(traceId);
    if (this.traces.size > MAX_TRACE_IDS) this.traces.delete(this.traces.values().next().value as string);
  }

  /** The distinct trace ids requests arrived with, oldest first. */
  traceIds(): string[] {
    return [...this.traces];
  }

  reset(): void {
    this.counts = new Map();
    this.total = 0;
    this.traces = new Set();
  }
}
