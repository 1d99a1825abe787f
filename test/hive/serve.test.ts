// The README's command for Hive Gateway, as written there: `npm run hive -- --config <gateway.yaml>` (build,
// then node dist/src/hive/serve.js) in front of running subgraphs, with the deployed shape's environment.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../../src/config/paths';
import { bearer, post } from '../auth-e2e/support';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';

jest.setTimeout(240_000);

let stack: E2E;
let child: ChildProcess;
let url: string;

/** The gateway's URL from its "gateway ready" log line (JSON lines on stdout). */
const readyUrl = (process: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let buffered = '';
    process.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (const line of buffered.split('\n')) {
        if (line.includes('"gateway ready"')) resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    process.once('exit', (code) => reject(new Error(`npm run hive exited with ${code}`)));
  });

beforeAll(async () => {
  stack = await startE2E({ students: 100, engine: 'apollo' });
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'hive-serve-')), 'gateway.yaml');
  const unused = { baseUrl: 'https://unused.example.se', auth: { kind: 'bearer', token: 'unused' } };
  await writeFile(
    file,
    stringify({
      gateway: { host: '127.0.0.1', port: 0 },
      subgraphs: Object.fromEntries(Object.entries(stack.subgraphUrls).map(([name, subgraphUrl]) => [name, { url: subgraphUrl }])),
      producers: {
        register: { baseUrl: stack.producers.register.url, auth: { kind: 'bearer', token: '${REGISTER_TOKEN}' } },
        schedule: unused,
        attendance: unused,
        grades: unused,
      },
    }),
  );
  child = spawn('npm', ['run', 'hive', '--', '--config', file], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CALLER_SIGNING_SECRET: stack.callerSecret, REGISTER_TOKEN: stack.producers.register.token, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  url = await readyUrl(child);
});
afterAll(async () => {
  if (child?.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // npm runs node in a child of its own: signal the process group.
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
  await stack?.close();
});

test('serves a supplier its unit through the subgraphs, and refuses a caller without a key', async () => {
  const persons = await post(url, { query: '{ persons(first: 3) { edges { node { id givenName } } } }' }, bearer(DEMO_KEYS.lms));
  expect(persons.errors).toBeUndefined();
  expect((persons.data as { persons: { edges: unknown[] } }).persons.edges).toHaveLength(3);
  const refused = await post(url, { query: '{ persons(first: 1) { edges { node { id } } } }' });
  expect(refused.status).toBe(401);
  expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
});
