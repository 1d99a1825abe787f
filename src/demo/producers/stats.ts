// Request counts per route (`GET /persons/{id}`), for tests and benchmarks that check batching.
export interface ProducerStats {
  total: number;
  byRoute: Record<string, number>;
}

export class StatsCounter {
  private counts = new Map<string, number>();
  private total = 0;

  count(route: string): void {
    this.total += 1;
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  snapshot(): ProducerStats {
    return { total: this.total, byRoute: Object.fromEntries(this.counts) };
  }

  reset(): void {
    this.counts = new Map();
    this.total = 0;
  }
}
