// What one call costs at concurrency 1: its p50 latency and the CPU it takes in this process and in
// the producers' process. Several tasks measured in alternating rounds (a burst of someone else's
// CPU lands on all of them), each figure the median over the rounds.
import { median, runLoad } from '../measure';
import type { ProducersProcess } from '../shared/producers-process';

export interface CallCost {
  p50Ms: number;
  /** CPU ms per call in the bench process (gateway, subgraphs, direct client). */
  benchCpuMs: number;
  /** CPU ms per call in the producers' process. */
  producersCpuMs: number;
}

export async function alternateCosts<K extends string>(
  tasks: Record<K, () => Promise<unknown>>,
  producers: ProducersProcess,
  options: { rounds: number; requestsPerRound: number },
): Promise<Record<K, CallCost>> {
  const names = Object.keys(tasks) as K[];
  const rounds = Object.fromEntries(names.map((name) => [name, [] as CallCost[]])) as Record<K, CallCost[]>;
  for (let round = 0; round < options.rounds; round++) {
    for (const name of names) {
      // Warm up before the CPU counters start: runLoad's own warm-up would be counted.
      for (let i = 0; i < 3; i++) await tasks[name]();
      const bench = process.cpuUsage();
      const producersBefore = producers.cpuMs();
      const load = await runLoad(tasks[name], { requests: options.requestsPerRound, concurrency: 1, warmup: 0 });
      const used = process.cpuUsage(bench);
      rounds[name].push({
        p50Ms: load.p50Ms,
        benchCpuMs: (used.user + used.system) / 1000 / load.requests,
        producersCpuMs: (producers.cpuMs() - producersBefore) / load.requests,
      });
    }
  }
  const medianCost = (costs: CallCost[]): CallCost => ({
    p50Ms: median(costs.map((c) => c.p50Ms)),
    benchCpuMs: median(costs.map((c) => c.benchCpuMs)),
    producersCpuMs: median(costs.map((c) => c.producersCpuMs)),
  });
  return Object.fromEntries(names.map((name) => [name, medianCost(rounds[name])])) as Record<K, CallCost>;
}
