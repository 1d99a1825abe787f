// `npm run dev`: the gateway on the embedded demo, rebuilt and restarted on every save.
// tsc compiles incrementally in watch mode (only what changed, no full rebuild); once its first pass
// is done, node --watch runs dist/src/main.js and restarts it whenever the compiled output changes.
// Arguments after `--` go to the gateway (e.g. `npm run dev -- --config config/gateway.yaml`).
import { spawn } from 'node:child_process';

const gatewayArgs = process.argv.slice(2);
const tsc = spawn('npx', ['tsc', '-p', 'tsconfig.build.json', '--watch', '--incremental', '--preserveWatchOutput'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let gateway;

tsc.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  // tsc prints "Found N errors. Watching for file changes." after each pass; start after the first.
  if (!gateway && /Found \d+ errors?\. Watching for file changes\./.test(text)) {
    gateway = spawn(process.execPath, ['--watch-path=dist/src', '--max-semi-space-size=64', 'dist/src/main.js', ...gatewayArgs], {
      stdio: 'inherit',
    });
    gateway.on('exit', (code) => process.exit(code ?? 0));
  }
});

const stop = () => {
  tsc.kill();
  gateway?.kill();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
