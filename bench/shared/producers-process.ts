// The demo producers in their own process (`dist/src/demo/producers/cli.js`), so neither their CPU
// nor their dataset (1.7 GiB at 100,000 students) is counted as the gateway's. Every benchmark that
// needs producers starts them here.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import type { ProducerEndpoint } from '../../src/gateway/stack';
import { PRODUCERS, type ProducerName } from '../../src/ss12000/resources';

export type { ProducerEndpoint } from '../../src/gateway/stack';

export interface ProducersProcess {
  readonly producers: Record<ProducerName, ProducerEndpoint>;
  /** Requests every producer has served since the last reset (control routes are not counted). */
  totalRequests(): Promise<number>;
  /** Requests one producer has served since the last reset. */
  requestsOf(producer: ProducerName): Promise<number>;
  byRoute(): Promise<Record<string, number>>;
  resetStats(): Promise<void>;
  /** CPU time (user + system, ms) the producers' process has used so far; NaN where /proc is missing. */
  cpuMs(): number;
  close(): Promise<void>;
}

const CLI = path.join(__dirname, '..', '..', 'src', 'demo', 'producers', 'cli.js');
// "  register   http://127.0.0.1:41234  token: demo-register-token"
const LINE = /^\s+(\w+)\s+(http:\/\/\S+)\s+token: (\S+)$/;

// Room for the 100,000-student dataset (Node's default heap limit is smaller).
const HEAP_MIB = 8192;

export async function startProducersProcess(options: { students: number; seed?: number }): Promise<ProducersProcess> {
  const ports = PRODUCERS.flatMap((p) => [`--port-${p}`, '0']);
  const seed = options.seed === undefined ? [] : ['--seed', String(options.seed)];
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_MIB}`, CLI, '--students', String(options.students), ...seed, ...ports],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const producers = await readEndpoints(child);
  const control = async (producer: ProducerEndpoint, method: 'GET' | 'POST', route: string): Promise<unknown> => {
    const answer = await request(`${producer.url}${route}`, { method, headers: { authorization: `Bearer ${producer.token}` } });
    if (answer.statusCode < 200 || answer.statusCode > 299) throw new Error(`${method} ${producer.url}${route}: HTTP ${answer.statusCode}`);
    return answer.statusCode === 204 ? (await answer.body.dump(), undefined) : answer.body.json();
  };
  type Stats = { total: number; byRoute: Record<string, number> };
  const statsOf = async (p: ProducerName) => (await control(producers[p], 'GET', '/_stats')) as Stats;
  const stats = () => Promise.all(PRODUCERS.map(async (p) => [p, await statsOf(p)] as const));
  return {
    producers,
    totalRequests: async () => (await stats()).reduce((sum, [, s]) => sum + s.total, 0),
    requestsOf: async (p) => (await statsOf(p)).total,
    byRoute: async () =>
      Object.fromEntries((await stats()).flatMap(([p, s]) => Object.entries(s.byRoute).map(([route, n]) => [`${p} ${route}`, n]))),
    cpuMs: () => processCpuMs(child.pid),
    resetStats: async () => void (await Promise.all(PRODUCERS.map((p) => control(producers[p], 'POST', '/_stats/reset')))),
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

// Linux: fields 14 and 15 of /proc/<pid>/stat are user and system time in clock ticks.
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond();
  } catch {
    return NaN;
  }
}

let ticks: number | undefined;
const clockTicksPerSecond = (): number => (ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()));

async function readEndpoints(child: ChildProcess): Promise<Record<ProducerName, ProducerEndpoint>> {
  const found: Partial<Record<ProducerName, ProducerEndpoint>> = {};
  for await (const line of createInterface({ input: child.stdout! })) {
    const match = LINE.exec(line);
    if (match && (PRODUCERS as readonly string[]).includes(match[1]!))
      found[match[1] as ProducerName] = { url: match[2]!, token: match[3]! };
    if (PRODUCERS.every((p) => found[p])) {
      // Keep draining: a full pipe would stall the producers' logging.
      child.stdout!.resume();
      return found as Record<ProducerName, ProducerEndpoint>;
    }
  }
  throw new Error(`demo producers exited (code ${String(child.exitCode)}) before printing every address`);
}
