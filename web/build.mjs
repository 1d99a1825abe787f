// Builds every browser app under web/ (each web/<app>/vite.config.ts) into dist/web/<app>.
//
//   node web/build.mjs             build the apps whose output is missing or older than their sources
//   node web/build.mjs --force     build every app
//   node web/build.mjs typecheck   type-check every app with its own web/<app>/tsconfig.json, and the configs
//
// `npm run build:web` is the first; `npm run build` and the tests (jest globalSetup) run it too, so an
// app is rebuilt only after its sources (or package-lock.json) changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(WEB);
const OUT = path.join(ROOT, 'dist', 'web');

const apps = readdirSync(WEB, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(WEB, entry.name, 'vite.config.ts')))
  .map((entry) => entry.name)
  .sort();

/** Newest modification time under a directory, in ms. */
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);

const stale = (app) => {
  const index = path.join(OUT, app, 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(newest(path.join(WEB, app)), statSync(path.join(ROOT, 'package-lock.json')).mtimeMs);
  return statSync(index).mtimeMs < sources;
};

async function build(force) {
  // The configs are TypeScript loaded by Vite's bundling loader; its notice about a future native loader says nothing to act on.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { build: viteBuild } = await import('vite');
  for (const app of apps) {
    if (!force && !stale(app)) continue;
    const started = Date.now();
    await viteBuild({ configFile: path.join(WEB, app, 'vite.config.ts') });
    process.stdout.write(`web/${app} → dist/web/${app} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

function typecheck() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // Each app for the browser with its own tsconfig.json; every vite.config.ts for Node.
  const projects = [...apps.map((app) => path.join(WEB, app, 'tsconfig.json')), path.join(WEB, 'tsconfig.node.json')].filter((project) =>
    existsSync(project),
  );
  for (const project of projects) {
    const result = spawnSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const args = process.argv.slice(2);
if (args[0] === 'typecheck') typecheck();
else await build(args.includes('--force'));
