// Issue 3's benchmark: the standard queries through the gateway against the same data fetched
// directly from the producers by a hand-written batched REST client. The producers run in a child
// process; gateway, subgraphs and the direct client share this one. Closed loop, fixed concurrency.
import 'reflect-metadata';
import { DEFAULT_MAX_LOOKUP_KEYS } from '../src/demo/producers';
import { generateMunicipality } from '../src/demo/generator';
import { personsWalkDirect, schoolUnitDirect, studentRecordDirect, teacherWeekDirect } from './graph/direct';
import { startProducersProcess, type ProducersProcess } from './shared/producers-process';
import {
  pick,
  PERSONS_PAGE,
  SCHOOL_UNIT_CLASSES,
  STUDENT_RECORD,
  STUDENT_RECORD_RANGE,
  TEACHER_WEEK,
  TEACHER_WEEK_RANGE,
  WALK_PAGE,
  type Counts,
  type Picks,
} from './graph/queries';
import { RestClient } from './graph/rest-client';
import { startGatewayStack } from './graph/stack';
import {
  GatewayClient,
  personsWalkViaGateway,
  schoolUnitViaGateway,
  studentRecordViaGateway,
  teacherWeekViaGateway,
} from './graph/via-gateway';
import { printTable } from './measure';
import { alternate } from './graph/alternate';
import { alternateCosts, type CallCost } from './graph/cpu-cost';
import { startFloorStack } from './graph/floor';

const SEED = 12000;
// GRAPH_BENCH_STUDENTS=600 (or a comma list) for a quicker run while iterating; the README's table uses both.
const SIZES = process.env.GRAPH_BENCH_STUDENTS?.split(',').map(Number) ?? [600, 20_000];
// GRAPH_BENCH_QUERIES=a,c runs only those of the standard queries (a)–(d), also for iterating.
const ONLY = process.env.GRAPH_BENCH_QUERIES?.split(',').map((letter) => letter.trim()) ?? [];
const CONCURRENCY = 8;
const ROUNDS = 3;
// Per connection pool: what the gateway's sources use towards each producer (DEMO_TUNING.maxConcurrency).
const CONNECTIONS = 8;

interface StandardQuery {
  /** (a)–(d), as bench/graph/README.md names them. */
  letter: string;
  name: string;
  /** The one document the query sends, its variables, and how many times one call sends it. */
  document: string;
  variables: (picks: Picks) => Record<string, unknown>;
  sends: (counts: Counts) => number;
  /** Calls per load round at each size: the walk is one call of many pages. */
  requests: (students: number) => number;
  gateway: (client: GatewayClient, picks: Picks) => Promise<Counts>;
  direct: (client: RestClient, picks: Picks) => Promise<Counts>;
}

const once = (): number => 1;

const QUERIES: StandardQuery[] = [
  {
    letter: 'a',
    name: 'school unit → classes → students → guardians',
    document: SCHOOL_UNIT_CLASSES,
    variables: (p) => ({ id: p.schoolUnit }),
    sends: once,
    requests: () => 80,
    gateway: schoolUnitViaGateway,
    direct: schoolUnitDirect,
  },
  {
    letter: 'b',
    name: "teacher's week",
    document: TEACHER_WEEK,
    variables: (p) => ({ duty: p.duty, ...TEACHER_WEEK_RANGE }),
    sends: once,
    requests: () => 80,
    gateway: teacherWeekViaGateway,
    direct: teacherWeekDirect,
  },
  {
    letter: 'c',
    name: 'student grades + attendance',
    document: STUDENT_RECORD,
    variables: (p) => ({ id: p.student, ...STUDENT_RECORD_RANGE }),
    sends: once,
    requests: () => 80,
    gateway: studentRecordViaGateway,
    direct: studentRecordDirect,
  },
  {
    letter: 'd',
    name: 'persons walk (first: 1000)',
    document: PERSONS_PAGE,
    variables: () => ({ first: WALK_PAGE, after: null }),
    // The floor serves the first page for every page the walk asks for.
    sends: (counts) => Math.ceil(counts['persons']! / WALK_PAGE),
    requests: (n) => (n > 1000 ? 16 : 40),
    gateway: personsWalkViaGateway,
    direct: personsWalkDirect,
  },
];

async function producerRequests(producers: ProducersProcess, task: () => Promise<unknown>): Promise<number> {
  await producers.resetStats();
  await task();
  return producers.totalRequests();
}

interface SizeRows {
  load: Record<string, string | number>[];
  floor: Record<string, string | number>[];
}

const ms = (cost: CallCost): string => `${cost.benchCpuMs.toFixed(1)} + ${cost.producersCpuMs.toFixed(1)}`;
const total = (cost: CallCost): number => cost.benchCpuMs + cost.producersCpuMs;

async function benchSize(students: number): Promise<SizeRows> {
  const dataset = generateMunicipality({ seed: SEED, students });
  const picks = pick(dataset);
  const producers = await startProducersProcess({ students, seed: SEED });
  const closers: (() => Promise<void>)[] = [() => producers.close()];
  const rows: SizeRows = { load: [], floor: [] };
  try {
    const stack = await startGatewayStack(producers.producers);
    closers.unshift(() => stack.close());
    const floorStack = await startFloorStack();
    closers.unshift(() => floorStack.close());
    const gateway = new GatewayClient(stack.gatewayUrl, CONCURRENCY);
    const floor = new GatewayClient(floorStack.url, 1);
    const rest = new RestClient(producers.producers, { connections: CONNECTIONS, maxLookupKeys: DEFAULT_MAX_LOOKUP_KEYS });
    closers.unshift(
      () => gateway.close(),
      () => floor.close(),
      () => rest.close(),
    );
    for (const query of QUERIES.filter((q) => ONLY.length === 0 || ONLY.includes(q.letter))) {
      const viaGateway = () => query.gateway(gateway, picks);
      const direct = () => query.direct(rest, picks);
      // An honest comparison fetches the same data: every counted level must agree.
      const [gatewayCounts, directCounts] = [await viaGateway(), await direct()];
      if (JSON.stringify(gatewayCounts) !== JSON.stringify(directCounts)) {
        throw new Error(
          `${query.name} at ${students} students: gateway ${JSON.stringify(gatewayCounts)} ≠ direct ${JSON.stringify(directCounts)}`,
        );
      }
      const gatewayCalls = await producerRequests(producers, viaGateway);
      const directCalls = await producerRequests(producers, direct);
      // The floor carries the real gateway's own answer, as often as one call sends the document.
      floorStack.serve(await gateway.query(floorStack.capturing(query.document), query.variables(picks)));
      // The floor must carry exactly what the gateway answers, or it measures something else.
      const [real, carried] = [
        await gateway.query(query.document, query.variables(picks)),
        await floor.query(query.document, query.variables(picks)),
      ];
      if (JSON.stringify(real) !== JSON.stringify(carried))
        throw new Error(`${query.name} at ${students} students: the floor's answer differs from the gateway's`);
      const sends = query.sends(gatewayCounts);
      const viaFloor = async () => {
        for (let i = 0; i < sends; i++) await floor.query(query.document, query.variables(picks));
      };
      // Alone (concurrency 1): latency without queueing, and what one call costs in CPU.
      const cost = await alternateCosts({ gateway: viaGateway, direct, floor: viaFloor }, producers, {
        rounds: ROUNDS,
        requestsPerRound: Math.ceil(query.requests(students) / 2),
      });
      const [g, d] = await alternate(viaGateway, direct, {
        rounds: ROUNDS,
        requestsPerRound: query.requests(students),
        concurrency: CONCURRENCY,
      });
      rows.load.push({
        students,
        query: query.name,
        rows: Object.entries(gatewayCounts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
        'producer req gw/direct': `${gatewayCalls}/${directCalls}`,
        'alone gw/direct p50 ms': `${cost.gateway.p50Ms.toFixed(1)}/${cost.direct.p50Ms.toFixed(1)}`,
        'gw p50 ms': g.p50Ms,
        'gw p95 ms': g.p95Ms,
        'gw req/s': g.requestsPerSecond,
        'direct p50 ms': d.p50Ms,
        'direct p95 ms': d.p95Ms,
        'direct req/s': d.requestsPerSecond,
        'p50 gw÷direct': (g.p50Ms / d.p50Ms).toFixed(2),
        'req/s gw÷direct': (g.requestsPerSecond / d.requestsPerSecond).toFixed(2),
      });
      rows.floor.push({
        students,
        query: query.name,
        'CPU ms direct': ms(cost.direct),
        'CPU ms gw': ms(cost.gateway),
        'CPU ms floor': cost.floor.benchCpuMs,
        'CPU gw÷direct': (total(cost.gateway) / total(cost.direct)).toFixed(2),
        'CPU (direct+floor)÷direct': ((total(cost.direct) + cost.floor.benchCpuMs) / total(cost.direct)).toFixed(2),
        'alone p50 ms direct/gw/floor': `${cost.direct.p50Ms.toFixed(1)}/${cost.gateway.p50Ms.toFixed(1)}/${cost.floor.p50Ms.toFixed(1)}`,
        'p50 gw÷direct': (cost.gateway.p50Ms / cost.direct.p50Ms).toFixed(2),
        'p50 (direct+floor)÷direct': ((cost.direct.p50Ms + cost.floor.p50Ms) / cost.direct.p50Ms).toFixed(2),
      });
    }
  } finally {
    for (const close of closers) await close();
  }
  return rows;
}

export async function run(): Promise<void> {
  const load: Record<string, string | number>[] = [];
  const floor: Record<string, string | number>[] = [];
  for (const students of SIZES) {
    const rows = await benchSize(students);
    load.push(...rows.load);
    floor.push(...rows.floor);
  }
  printTable(`gateway vs direct batched REST: concurrency ${CONCURRENCY}, median of ${ROUNDS} alternating rounds`, load);
  printTable(
    `one call alone: CPU ms (bench process + producers) and p50, against the frameworks' floor (bench/graph/floor.ts), median of ${ROUNDS} alternating rounds`,
    floor,
  );
}
