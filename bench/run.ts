// `npm run bench`: runs every bench/*.bench.js module (compiled) in turn, or only those named
// on the command line (`npm run bench -- graph`). Each module exports `run(): Promise<void>`
// and prints its own table. Benchmarks are never part of `npm test`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const names = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.js'))
    .map((file) => file.slice(0, -'.bench.js'.length))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
  if (names.length === 0) throw new Error(`no benchmark matches ${only.join(', ') || '*'}`);
  for (const name of names) {
    console.log(`\n## ${name}`);
    const module = (await import(join(__dirname, `${name}.bench.js`))) as BenchModule;
    await module.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
