// Issue 4's benchmark: what field permissions cost on a 2,000-row query with five person fields.
//  1. Over HTTP through the whole embedded stack as demo-full (every field permitted): permissions
//     enforced vs the same stack with enforcement switched off (the test-only `fieldPermissions: 'off'`).
//  2. The executor alone, to show the design choice: our guard vs graphql-shield on every field.
// p50 over many runs, the variants interleaved so drift on a shared machine hits all alike.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { generateMunicipality } from '../src/demo/generator';
import { startEmbeddedStack, type EmbeddedStack } from '../src/gateway/embedded';
import { percentile, printTable } from './measure';
import { executorVariants, type Variant } from './permissions/executor';

const STUDENTS = 2_000;
const HTTP_RUNS = 40;
const EXECUTOR_RUNS = 200;
const WARMUP = 5;
const PERSON_FIELDS = 'id givenName familyName securityMarking personStatus';

const p50 = (samples: number[]): number =>
  percentile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );

async function interleaved(variants: readonly Variant[], runs: number): Promise<Map<string, number[]>> {
  const samples = new Map(variants.map((variant) => [variant.name, [] as number[]]));
  for (let i = 0; i < WARMUP; i++) for (const variant of variants) await variant.run();
  for (let i = 0; i < runs; i++) {
    for (const variant of variants) {
      const started = performance.now();
      await variant.run();
      samples.get(variant.name)!.push(performance.now() - started);
    }
  }
  return samples;
}

const table = (samples: Map<string, number[]>, baseline: string): Record<string, string | number>[] =>
  [...samples].map(([name, times]) => ({
    variant: name,
    runs: times.length,
    'p50 ms': p50(times).toFixed(1),
    'ratio to baseline': (p50(times) / p50(samples.get(baseline)!)).toFixed(2),
  }));

/** One request of 2,000 person rows: two pages of 1,000 as aliased root fields. */
async function twoThousandRows(stack: EmbeddedStack): Promise<() => Promise<void>> {
  const post = async (
    query: string,
  ): Promise<{ data?: Record<string, { edges: unknown[]; pageInfo: { endCursor: string } }>; errors?: unknown[] }> => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-full-key' },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as never;
  };
  const first = await post('{ persons(first: 1000) { pageInfo { endCursor } } }');
  const after = first.data!['persons']!.pageInfo.endCursor;
  const query = `{ a: persons(first: 1000) { edges { node { ${PERSON_FIELDS} } } } b: persons(first: 1000, after: ${JSON.stringify(after)}) { edges { node { ${PERSON_FIELDS} } } } }`;
  const check = await post(query);
  const rows = (check.data?.['a']?.edges.length ?? 0) + (check.data?.['b']?.edges.length ?? 0);
  if (check.errors || rows !== 2_000)
    throw new Error(`the benchmark query returned ${rows} rows and ${JSON.stringify(check.errors ?? [])}`);
  return async () => {
    await post(query);
  };
}

export async function run(): Promise<void> {
  const dataset = generateMunicipality({ students: STUDENTS });
  const silent = pino({ level: 'silent' });
  const enforced = await startEmbeddedStack({ dataset, audit: silent });
  const off = await startEmbeddedStack({ dataset, audit: silent, fieldPermissions: 'off' });
  try {
    const http = await interleaved(
      [
        { name: 'permissions off (test-only switch)', run: await twoThousandRows(off) },
        { name: 'permissions on (demo-full)', run: await twoThousandRows(enforced) },
      ],
      HTTP_RUNS,
    );
    printTable(
      '2,000 persons × 5 fields through the gateway (HTTP, 4 subgraphs, demo producers)',
      table(http, 'permissions off (test-only switch)'),
    );
  } finally {
    await enforced.close();
    await off.close();
  }
  const executor = await interleaved(executorVariants(), EXECUTOR_RUNS);
  printTable('2,000 persons × 5 fields, graphql-js executor only', table(executor, 'no permissions'));
}
