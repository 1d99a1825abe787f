// Issue 3's benchmark: the standard queries through the gateway against the same data fetched
// directly from the producers by a hand-written batched REST client. The producers run in a child
// process; gateway, subgraphs and the direct client share this one. Closed loop, fixed concurrency.
import 'reflect-metadata';
import { DEFAULT_MAX_LOOKUP_KEYS } from '../src/demo/producers';
import { generateMunicipality } from '../src/demo/generator';
import { personsWalkDirect, schoolUnitDirect, studentRecordDirect, teacherWeekDirect } from './graph/direct';
import { startProducersProcess, type ProducersProcess } from './shared/producers-process';
import { pick, type Counts, type Picks } from './graph/queries';
import { RestClient } from './graph/rest-client';
import { startGatewayStack } from './graph/stack';
import { GatewayClient, personsWalkViaGateway, schoolUnitViaGateway, studentRecordViaGateway, teacherWeekViaGateway } from './graph/via-gateway';
import { printTable } from './measure';
import { alternate } from './graph/alternate';

const SEED = 12000;
// GRAPH_BENCH_STUDENTS=600 (or a comma list) for a quicker run while iterating; the README's table uses both.
const SIZES = process.env.GRAPH_BENCH_STUDENTS?.split(',').map(Number) ?? [600, 20_000];
const CONCURRENCY = 8;
const ROUNDS = 3;
// Per connection pool: what the gateway's sources use towards each producer (DEMO_TUNING.maxConcurrency).
const CONNECTIONS = 8;

interface StandardQuery {
  name: string;
  /** Calls per load round at each size: the walk is one call of many pages. */
  requests: (students: number) => number;
  gateway: (client: GatewayClient, picks: Picks) => Promise<Counts>;
  direct: (client: RestClient, picks: Picks) => Promise<Counts>;
}

const QUERIES: StandardQuery[] = [
  { name: 'school unit → classes → students → guardians', requests: () => 80, gateway: schoolUnitViaGateway, direct: schoolUnitDirect },
  { name: "teacher's week", requests: () => 80, gateway: teacherWeekViaGateway, direct: teacherWeekDirect },
  { name: 'student grades + attendance', requests: () => 80, gateway: studentRecordViaGateway, direct: studentRecordDirect },
  { name: 'persons walk (first: 1000)', requests: (n) => (n > 1000 ? 16 : 40), gateway: personsWalkViaGateway, direct: personsWalkDirect },
];

async function producerRequests(producers: ProducersProcess, task: () => Promise<unknown>): Promise<number> {
  await producers.resetStats();
  await task();
  return producers.totalRequests();
}

async function benchSize(students: number): Promise<Record<string, string | number>[]> {
  const dataset = generateMunicipality({ seed: SEED, students });
  const picks = pick(dataset);
  const producers = await startProducersProcess({ students, seed: SEED });
  const stack = await startGatewayStack(producers.producers).catch(async (error: unknown) => {
    await producers.close();
    throw error;
  });
  const gateway = new GatewayClient(stack.gatewayUrl, CONCURRENCY);
  const rest = new RestClient(producers.producers, { connections: CONNECTIONS, maxLookupKeys: DEFAULT_MAX_LOOKUP_KEYS });
  const rows: Record<string, string | number>[] = [];
  try {
    for (const query of QUERIES) {
      const viaGateway = () => query.gateway(gateway, picks);
      const direct = () => query.direct(rest, picks);
      // An honest comparison fetches the same data: every counted level must agree.
      const [gatewayCounts, directCounts] = [await viaGateway(), await direct()];
      if (JSON.stringify(gatewayCounts) !== JSON.stringify(directCounts)) {
        throw new Error(`${query.name} at ${students} students: gateway ${JSON.stringify(gatewayCounts)} ≠ direct ${JSON.stringify(directCounts)}`);
      }
      const gatewayCalls = await producerRequests(producers, viaGateway);
      const directCalls = await producerRequests(producers, direct);
      // Alone (concurrency 1): the latency of one query without queueing behind the others.
      const [g1, d1] = await alternate(viaGateway, direct, { rounds: ROUNDS, requestsPerRound: Math.ceil(query.requests(students) / 8), concurrency: 1 });
      const [g, d] = await alternate(viaGateway, direct, { rounds: ROUNDS, requestsPerRound: query.requests(students), concurrency: CONCURRENCY });
      rows.push({
        students,
        query: query.name,
        rows: Object.entries(gatewayCounts).map(([k, v]) => `${k} ${v}`).join(', '),
        'producer req gw/direct': `${gatewayCalls}/${directCalls}`,
        'alone gw/direct p50 ms': `${g1.p50Ms.toFixed(1)}/${d1.p50Ms.toFixed(1)}`,
        'gw p50 ms': g.p50Ms,
        'gw p95 ms': g.p95Ms,
        'gw req/s': g.requestsPerSecond,
        'direct p50 ms': d.p50Ms,
        'direct p95 ms': d.p95Ms,
        'direct req/s': d.requestsPerSecond,
        'p50 gw÷direct': (g.p50Ms / d.p50Ms).toFixed(2),
        'req/s gw÷direct': (g.requestsPerSecond / d.requestsPerSecond).toFixed(2),
      });
    }
  } finally {
    await gateway.close();
    await rest.close();
    await stack.close();
    await producers.close();
  }
  return rows;
}

export async function run(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const students of SIZES) rows.push(...(await benchSize(students)));
  printTable(`gateway vs direct batched REST: concurrency ${CONCURRENCY}, median of ${ROUNDS} alternating rounds`, rows);
}
