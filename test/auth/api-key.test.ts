import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashApiKey } from '../../src/auth/api-key';
import { createAuthenticator } from '../../src/auth/credentials';
import { loadSuppliersConfig, type SuppliersConfig } from '../../src/auth/suppliers-config';

const DEMO_FILE = join(__dirname, '../../config/suppliers.yaml');

describe('API keys', () => {
  let config: SuppliersConfig;
  beforeAll(async () => {
    config = await loadSuppliersConfig(DEMO_FILE);
  });
  const authenticate = (headers: Record<string, string | string[]>) => createAuthenticator({ config: () => config }).authenticate(headers);

  test('a demo key sent as Authorization: Bearer identifies its supplier', async () => {
    const caller = await authenticate({ authorization: 'Bearer demo-analytics-key' });
    expect(caller).toMatchObject({ supplier: 'demo-analytics', units: 'all', protectedIdentities: 'exclude', minGroupSize: 5 });
    expect(caller?.scopes).toEqual(['standard', 'absenceSummary']);
  });

  test('the same key sent as x-api-key identifies the same supplier', async () => {
    expect((await authenticate({ 'x-api-key': 'demo-full-key' }))?.supplier).toBe('demo-full');
  });

  test('fetch-style Headers work as well as Node header objects', async () => {
    const caller = await createAuthenticator({ config: () => config }).authenticate(new Headers({ 'X-Api-Key': 'demo-lms-key' }));
    expect(caller?.supplier).toBe('demo-lms');
  });

  test('an unknown key is nobody', async () => {
    expect(await authenticate({ authorization: 'Bearer demo-unknown-key' })).toBeNull();
  });

  test('the stored digest itself is not a key', async () => {
    expect(await authenticate({ 'x-api-key': hashApiKey('demo-full-key') })).toBeNull();
  });

  test('no credentials is nobody', async () => {
    expect(await authenticate({})).toBeNull();
  });

  test('another authorization scheme is nobody', async () => {
    expect(await authenticate({ authorization: 'Basic ZGVtbzpkZW1vLWZ1bGwta2V5' })).toBeNull();
  });

  test('two credentials at once are refused rather than guessed between', async () => {
    expect(await authenticate({ authorization: 'Bearer demo-full-key', 'x-api-key': 'demo-lms-key' })).toBeNull();
  });

  test('a header sent twice is refused', async () => {
    expect(await authenticate({ 'x-api-key': ['demo-full-key', 'demo-lms-key'] })).toBeNull();
  });

  test('a huge header is refused without trouble', async () => {
    expect(await authenticate({ 'x-api-key': 'x'.repeat(1_000_000) })).toBeNull();
  });
});

describe('the hash-key CLI', () => {
  let dir: string;
  const run = (...args: string[]) => execFileSync(process.execPath, [join(dir, 'hash-key.js'), ...args], { encoding: 'utf8' });

  beforeAll(async () => {
    // Compiled as `npm run build` would, so the test runs what operators run.
    dir = await mkdtemp(join(tmpdir(), 'hash-key-'));
    const tsc = require.resolve('typescript/bin/tsc');
    const source = join(__dirname, '../../src/auth/hash-key.ts');
    execFileSync(process.execPath, [
      tsc,
      '--outDir',
      dir,
      '--module',
      'commonjs',
      '--target',
      'es2022',
      '--types',
      'node',
      '--strict',
      source,
    ]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('prints the line a supplier entry takes for a given key', () => {
    expect(run('demo-full-key')).toBe(`- sha256: ${hashApiKey('demo-full-key')}\n`);
  });

  test('without a key it makes one and prints the key and its digest', () => {
    const [keyLine, digestLine] = run().trimEnd().split('\n');
    const key = /^key: +(\S+)$/.exec(keyLine ?? '')?.[1] ?? '';
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(digestLine).toBe(`- sha256: ${hashApiKey(key)}`);
  });
});
