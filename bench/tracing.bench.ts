// Tracing's cost (`npm run bench -- tracing`): the school-unit query (a) of the graph bench through
// three gateway stacks that differ only in tracing, over the same producers: off (never started),
// ids only (started without an endpoint: trace context and ids made and propagated, nothing recorded)
// and exporting (every span recorded and sent over OTLP/HTTP to a sink in this process). One process
// per mode (tracing is per process); the modes take turns round by round, so a burst of someone
// else's CPU lands on all three, and each figure is the median over the rounds.
import 'reflect-metadata';
import { generateMunicipality } from '../src/demo/generator';
import { pick, SCHOOL_UNIT_CLASSES } from './graph/queries';
import { GatewayClient } from './graph/via-gateway';
import { median, printTable, runLoad, type LoadResult } from './measure';
import { startProducersProcess } from './shared/producers-process';
import type { TracingMode } from './tracing/stack-child';
import { startTracingStack, type TracingStackProcess } from './tracing/stack-process';
import { startOtlpSink } from './tracing/sink';

const SEED = 12000;
const STUDENTS = Number(process.env.TRACING_BENCH_STUDENTS ?? 600);
const ROUNDS = Number(process.env.TRACING_BENCH_ROUNDS ?? 5);
const CONCURRENCY = 8;
const LOADS = [
  { label: 'concurrency 8', concurrency: CONCURRENCY, requests: 80 },
  { label: 'alone', concurrency: 1, requests: 40 },
] as const;
const MODES: readonly { mode: TracingMode; label: string }[] = [
  { mode: 'off', label: 'off (never started)' },
  { mode: 'ids', label: 'ids only (no endpoint)' },
  { mode: 'export', label: 'exporting (OTLP/HTTP)' },
];

export async function run(): Promise<void> {
  const picks = pick(generateMunicipality({ seed: SEED, students: STUDENTS }));
  const producers = await startProducersProcess({ students: STUDENTS, seed: SEED });
  const sink = await startOtlpSink();
  const stacks: TracingStackProcess[] = [];
  const clients: GatewayClient[] = [];
  try {
    for (const { mode } of MODES) stacks.push(await startTracingStack({ producers: producers.producers, mode, endpoint: sink.url }));
    clients.push(...stacks.map((stack) => new GatewayClient(stack.gatewayUrl, CONCURRENCY)));
    // Warm each stack up (JIT, connection pools) outside the rounds: the CPU counted is the requests' own.
    for (const client of clients)
      await runLoad(() => client.query(SCHOOL_UNIT_CLASSES, { id: picks.schoolUnit }), { requests: 20, concurrency: CONCURRENCY });
    const results = LOADS.map(() => MODES.map((): (LoadResult & { cpuMsPerRequest: number })[] => []));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [load, { concurrency, requests }] of LOADS.entries()) {
        for (const [index, client] of clients.entries()) {
          const cpuBefore = stacks[index]!.cpuMs();
          const result = await runLoad(() => client.query(SCHOOL_UNIT_CLASSES, { id: picks.schoolUnit }), {
            requests,
            concurrency,
            warmup: 0,
          });
          results[load]![index]!.push({ ...result, cpuMsPerRequest: (stacks[index]!.cpuMs() - cpuBefore) / result.requests });
        }
      }
    }
    const p50 = (load: number, mode: number): number => median(results[load]![mode]!.map((r) => r.p50Ms));
    const cpu = (load: number, mode: number): number => median(results[load]![mode]!.map((r) => r.cpuMsPerRequest));
    printTable(`tracing cost, school unit → classes → students → guardians, ${STUDENTS} students, median of ${ROUNDS} rounds`, [
      ...LOADS.flatMap((load, l) =>
        MODES.map(({ label }, m) => ({
          load: load.label,
          tracing: label,
          'p50 ms': p50(l, m),
          'p95 ms': median(results[l]![m]!.map((r) => r.p95Ms)),
          'req/s': median(results[l]![m]!.map((r) => r.requestsPerSecond)),
          'p50 vs off': `${(p50(l, m) / p50(l, 0)).toFixed(2)}×`,
          'CPU ms/req': cpu(l, m),
          'CPU vs off': `${(cpu(l, m) / cpu(l, 0)).toFixed(2)}×`,
        })),
      ),
    ]);
    console.log(`\nexports received: ${sink.exports()} (${(sink.bytes() / 1024 / 1024).toFixed(1)} MiB)`);
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await Promise.all(stacks.map((stack) => stack.stop()));
    await sink.close();
    await producers.close();
  }
}
