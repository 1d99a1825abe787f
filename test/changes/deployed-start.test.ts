// The changes process as operators start it (README "Two ways to run"), compiled as `npm run build`
// compiles it: without DATABASE_URL it stops at once with a message saying why; with it, but without a
// producer's notification secret, the message names the variable.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/paths';
import { DATABASE_URL_REQUIRED } from '../../src/gateway/deployed-changes';

const EXAMPLE = path.join(PROJECT_ROOT, 'config', 'gateway.example.yaml');
/** Every producer secret config/gateway.example.yaml names, and the signing and alias secrets. */
const ENV = {
  PATH: process.env['PATH'] ?? '',
  LOG_LEVEL: 'silent',
  CALLER_SIGNING_SECRET: 'c'.repeat(48),
  ALIAS_SECRET: 'a'.repeat(48),
  REGISTER_TOKEN: 'r',
  SCHEDULE_CLIENT_SECRET: 's',
  ATTENDANCE_TOKEN: 'a',
  GRADES_TOKEN: 'g',
  REGISTER_NOTIFICATION_TOKEN: 'n'.repeat(32),
};

const start = (env: Record<string, string>): { status: number | null; stderr: string } => {
  const run = spawnSync(process.execPath, ['dist/src/subgraph-main.js', 'changes', '--config', EXAMPLE], {
    cwd: PROJECT_ROOT,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stderr: run.stderr };
};

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT });
}, 240_000);

test('without DATABASE_URL the changes process stops, saying it needs one and why', () => {
  const { status, stderr } = start({ ...ENV, ATTENDANCE_NOTIFICATION_SECRET: 'h'.repeat(32) });
  expect(status).toBe(1);
  expect(stderr.trim()).toBe(DATABASE_URL_REQUIRED);
});

test('with DATABASE_URL but without a producer’s notification secret, it stops naming the variable', () => {
  // Nothing listens there: the config is judged before any connection is made.
  const { status, stderr } = start({ ...ENV, DATABASE_URL: 'postgres://postgres@127.0.0.1:9/none' });
  expect(status).toBe(1);
  expect(stderr).toContain(
    'subgraphs.changes.notifications.attendance.hmacSecret: the changes subgraph needs ATTENDANCE_NOTIFICATION_SECRET, and environment variable ATTENDANCE_NOTIFICATION_SECRET is not set',
  );
});
