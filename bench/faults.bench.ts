// `npm run bench -- faults`: the class query over all four producers under each fault kind of the
// demo producers' knobs, at concurrency 8: status mix, p50/p95 and peak RSS per kind. See
// bench/faults/README.md for the figures and what they show.
//
// Producers run in their own process (bench/shared/producers-process.ts); subgraphs and gateway run
// here, a fresh stack per kind (fresh breakers), with the embedded DEMO_TUNING and the default 5 s
// request deadline. "One producer" faults hit grades; "every producer" faults hit all four.
import 'reflect-metadata';
import { createServer } from 'node:net';
import { pino } from 'pino';
import { request } from 'undici';
import { DEMO_TUNING } from '../src/gateway/embedded';
import { startGatewayStack, type GatewayStack } from '../src/gateway/stack';
import { PRODUCERS, type ProducerName } from '../src/ss12000/resources';
import { percentile, printTable } from './measure';
import { startProducersProcess, type ProducerEndpoint } from './shared/producers-process';

const STUDENTS = Number(process.env['FAULTS_BENCH_STUDENTS'] ?? 600);
const REQUESTS = Number(process.env['FAULTS_BENCH_REQUESTS'] ?? 200);
const CONCURRENCY = 8;
const DEADLINE_MS = 5_000;
const FAULTED: ProducerName = 'grades';

const CLASS_QUERY = /* GraphQL */ `
  query Class($id: ID!) {
    group(id: $id) {
      displayName
      activities {
        displayName
      }
      groupMemberships {
        person {
          id
          givenName
          familyName
          absences {
            type
          }
          grades {
            gradeValue
          }
        }
      }
    }
  }
`;

type Faults = Partial<{ latencyMs: number; errorRate: number; timeoutRate: number; malformedRate: number }>;

interface Kind {
  name: string;
  /** Faults per producer, set over /_faults. */
  faults: Partial<Record<ProducerName, Faults>>;
  /** The faulted producer is not listening at all (connection refused). */
  down?: ProducerName;
}

const everyProducer = (faults: Faults): Partial<Record<ProducerName, Faults>> => Object.fromEntries(PRODUCERS.map((p) => [p, faults]));

const KINDS: Kind[] = [
  { name: 'none', faults: {} },
  { name: `${FAULTED} down`, faults: {}, down: FAULTED },
  { name: `${FAULTED} hung`, faults: { [FAULTED]: { timeoutRate: 1 } } },
  { name: `${FAULTED} +2 s latency`, faults: { [FAULTED]: { latencyMs: 2_000 } } },
  { name: '20 % 503 (all four)', faults: everyProducer({ errorRate: 0.2 }) },
  { name: '20 % malformed (all four)', faults: everyProducer({ malformedRate: 0.2 }) },
];

const AUDIT_SINK = pino(pino.destination('/dev/null'));

interface Answer {
  ms: number;
  status: number;
  errors: { extensions?: { code?: string; producer?: string; subgraph?: string } }[];
  hasData: boolean;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function setFaults(endpoint: ProducerEndpoint, faults: Faults): Promise<void> {
  const answer = await request(`${endpoint.url}/_faults`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  await answer.body.dump();
  if (answer.statusCode !== 200) throw new Error(`PUT /_faults: HTTP ${answer.statusCode}`);
}

async function ask(gatewayUrl: string, classId: string): Promise<Answer> {
  const started = performance.now();
  const answer = await request(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-full-key' },
    body: JSON.stringify({ query: CLASS_QUERY, variables: { id: classId } }),
  });
  const body = (await answer.body.json()) as { data?: { group: unknown } | null; errors?: Answer['errors'] };
  return { ms: performance.now() - started, status: answer.statusCode, errors: body.errors ?? [], hasData: Boolean(body.data?.group) };
}

async function firstClass(gatewayUrl: string): Promise<string> {
  const answer = await request(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-full-key' },
    body: JSON.stringify({ query: '{ groups(first: 1, groupType: [KLASS]) { edges { node { id } } } }' }),
  });
  const body = (await answer.body.json()) as { data: { groups: { edges: { node: { id: string } }[] } } };
  return body.data.groups.edges[0]!.node.id;
}

async function runKind(
  kind: Kind,
  producers: Record<ProducerName, ProducerEndpoint>,
  classId: string,
): Promise<Record<string, string | number>> {
  const endpoints = { ...producers };
  if (kind.down) endpoints[kind.down] = { ...producers[kind.down], url: `http://127.0.0.1:${await closedPort()}` };
  const stack: GatewayStack = await startGatewayStack({
    producers: endpoints,
    tuning: DEMO_TUNING,
    audit: AUDIT_SINK,
    requestTimeoutMs: DEADLINE_MS,
  });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    // Warm up (JIT, keep-alive pools) before the faults are switched on; a down producer is down already.
    for (let i = 0; i < 3; i += 1) await ask(stack.gatewayUrl, classId);
    for (const [producer, faults] of Object.entries(kind.faults)) await setFaults(producers[producer as ProducerName], faults);
    const answers: Answer[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < REQUESTS) {
        next += 1;
        answers.push(await ask(stack.gatewayUrl, classId));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    // Its producer's errors, or its subgraph's (the gateway stopped waiting for the grades subgraph).
    const faultedOnly = (a: Answer) => a.errors.every((e) => e.extensions?.producer === FAULTED || e.extensions?.subgraph === FAULTED);
    const whole = answers.filter((a) => a.status === 200 && a.hasData && a.errors.length === 0).length;
    const partialFaulted = answers.filter((a) => a.status === 200 && a.hasData && a.errors.length > 0 && faultedOnly(a)).length;
    const partialOther = answers.filter((a) => a.status === 200 && a.hasData && a.errors.length > 0 && !faultedOnly(a)).length;
    const failed = answers.length - whole - partialFaulted - partialOther;
    const codes = new Map<string, number>();
    for (const a of answers)
      for (const e of a.errors) codes.set(String(e.extensions?.code), (codes.get(String(e.extensions?.code)) ?? 0) + 1);
    return {
      kind: kind.name,
      answers: answers.length,
      whole: `${((100 * whole) / answers.length).toFixed(1)} %`,
      [`only ${FAULTED} missing`]: partialFaulted,
      'others missing': partialOther,
      failed,
      'error codes': [...codes].map(([code, n]) => `${code} ×${n}`).join(', ') || '-',
      'p50 ms': Math.round(percentile(latencies, 0.5)),
      'p95 ms': Math.round(percentile(latencies, 0.95)),
      'max ms': Math.round(latencies[latencies.length - 1] ?? NaN),
      'peak RSS MiB': Math.round(peakRss / 2 ** 20),
    };
  } finally {
    clearInterval(sampler);
    for (const producer of PRODUCERS)
      await setFaults(producers[producer], { latencyMs: 0, errorRate: 0, timeoutRate: 0, malformedRate: 0 });
    await stack.close();
  }
}

export async function run(): Promise<void> {
  const producers = await startProducersProcess({ students: STUDENTS });
  try {
    const probe = await startGatewayStack({ producers: producers.producers, tuning: DEMO_TUNING, audit: AUDIT_SINK });
    const classId = await firstClass(probe.gatewayUrl);
    await probe.close();
    const rows = [];
    // FAULTS_BENCH_KINDS=down,hung runs only the kinds whose name contains one of those words.
    const only = process.env['FAULTS_BENCH_KINDS']?.split(',');
    for (const kind of KINDS.filter((k) => !only || only.some((word) => k.name.includes(word)))) {
      rows.push(await runKind(kind, producers.producers, classId));
      console.error(`faults: ${kind.name} done`);
    }
    printTable(
      `class query (register, schedule, attendance, grades), ${STUDENTS} students, ${REQUESTS} requests at concurrency ${CONCURRENCY}, deadline ${DEADLINE_MS} ms`,
      rows,
    );
  } finally {
    await producers.close();
  }
}
