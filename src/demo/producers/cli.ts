// `npm run producers`: the four demo producers on 127.0.0.1:4101–4104 over a generated
// municipality. Flags win over environment (PRODUCERS_HOST, PRODUCERS_STUDENTS,
// PRODUCERS_SEED, PRODUCERS_PORT_<NAME>); this is the only place here that reads either.
import { parseArgs } from 'node:util';
import { readTracingEnv } from '../../config/env';
import { startProcessTracing } from '../../observability/tracing';
import { PRODUCERS, type ProducerName } from '../../ss12000/resources';
import { generateMunicipality } from '../generator';
import { startProducers } from './index';

const DEFAULT_PORTS: Record<ProducerName, number> = { register: 4101, schedule: 4102, attendance: 4103, grades: 4104 };

const integer = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${text}`);
  return value;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      students: { type: 'string' },
      seed: { type: 'string' },
      host: { type: 'string' },
      ...Object.fromEntries(PRODUCERS.map((p) => [`port-${p}`, { type: 'string' as const }])),
    },
  });
  const flags = values as Record<string, string | undefined>;
  const env = process.env;
  const host = flags.host ?? env.PRODUCERS_HOST ?? '127.0.0.1';
  const students = integer('students', flags.students ?? env.PRODUCERS_STUDENTS);
  const seed = integer('seed', flags.seed ?? env.PRODUCERS_SEED);
  const ports = Object.fromEntries(
    PRODUCERS.map((p) => [p, integer(`port-${p}`, flags[`port-${p}`] ?? env[`PRODUCERS_PORT_${p.toUpperCase()}`]) ?? DEFAULT_PORTS[p]]),
  ) as Record<ProducerName, number>;
  const dataset = generateMunicipality({ students, seed });
  // Each producer's spans as its own service (producer-<name>), only when they are exported: these
  // producers log no trace ids, and the benchmarks' producers must cost the same whatever is measured.
  const tracingEnv = readTracingEnv();
  const tracing = tracingEnv.endpoint === undefined ? undefined : startProcessTracing('demo-producers', tracingEnv);
  const running = await startProducers({ dataset, host, ports });
  const d = dataset.description;
  console.log(`SS 12000 demo producers: seed ${d.seed}, ${d.students} students, ${d.staff} staff, ${d.schoolUnits} school units`);
  for (const p of PRODUCERS) console.log(`  ${p.padEnd(10)} ${running.producers[p].url}  token: ${running.producers[p].token}`);
  const stop = (): void =>
    void running
      .close()
      .then(() => tracing?.shutdown())
      .then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
