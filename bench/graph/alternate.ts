// Two load runs compared on a shared, busy machine: run them in alternating rounds so a burst of
// someone else's CPU lands on both sides, and report each metric's median over the rounds.
import { median, runLoad, type LoadResult } from '../measure';

function medianOf(results: readonly LoadResult[]): LoadResult {
  return {
    requests: results.reduce((n, r) => n + r.requests, 0),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p95Ms: median(results.map((r) => r.p95Ms)),
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
  };
}

export async function alternate(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  options: { rounds: number; requestsPerRound: number; concurrency: number },
): Promise<[LoadResult, LoadResult]> {
  const ra: LoadResult[] = [];
  const rb: LoadResult[] = [];
  const load = { requests: options.requestsPerRound, concurrency: options.concurrency };
  for (let round = 0; round < options.rounds; round++) {
    ra.push(await runLoad(a, load));
    rb.push(await runLoad(b, load));
  }
  return [medianOf(ra), medianOf(rb)];
}
