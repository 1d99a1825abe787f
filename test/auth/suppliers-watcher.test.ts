import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { hashApiKey } from '../../src/auth/api-key';
import type { SuppliersConfig } from '../../src/auth/suppliers-config';
import { watchSuppliersConfig, type SuppliersWatch } from '../../src/auth/suppliers-watcher';

const yamlWith = (scopes: string): string =>
  `suppliers:\n  - name: acme\n    apiKeys: [{ sha256: ${hashApiKey('acme-key')} }]\n    units: all\n    scopes: [${scopes}]\n    protectedIdentities: exclude\n`;

/** A pino logger whose lines the test can read. */
const capturingLogger = () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
};

describe('reloading the suppliers file', () => {
  let dir: string;
  let file: string;
  let watch: SuppliersWatch | undefined;
  type Outcome = { config: SuppliersConfig } | { error: Error };
  let waiters: { matches: (outcome: Outcome) => boolean; resolve: (outcome: Outcome) => void }[];
  // One save can fire several change events: wait for the reload that shows the edit, not merely the next one.
  const reloadWhere = (matches: (outcome: Outcome) => boolean) => new Promise<Outcome>((resolve) => waiters.push({ matches, resolve }));
  const onReload = (outcome: Outcome) => {
    const done = waiters.filter((waiter) => waiter.matches(outcome));
    waiters = waiters.filter((waiter) => !done.includes(waiter));
    for (const waiter of done) waiter.resolve(outcome);
  };
  const withScopes =
    (...scopes: string[]) =>
    (outcome: Outcome) =>
      'config' in outcome && outcome.config.byName.get('acme')?.scopes.join() === scopes.join();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'suppliers-'));
    file = join(dir, 'suppliers.yaml');
    waiters = [];
    await writeFile(file, yamlWith('standard'));
  });

  afterEach(async () => {
    watch?.close();
    watch = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const start = async (logger = capturingLogger().logger) => {
    watch = await watchSuppliersConfig(file, { logger, debounceMs: 20, onReload });
    return watch;
  };

  test('an edit is picked up without a restart', async () => {
    const { current } = await start();
    expect(current().byName.get('acme')?.scopes).toEqual(['standard']);
    const reloaded = reloadWhere(withScopes('standard', 'attendance'));
    await writeFile(file, yamlWith('standard, attendance'));
    await reloaded;
    expect(current().byName.get('acme')?.grant.canRead('Query', 'attendances')).toBe(true);
  });

  test('an editor that saves by rename is followed too', async () => {
    const { current } = await start();
    const reloaded = reloadWhere(withScopes('grades'));
    await writeFile(join(dir, 'suppliers.yaml.tmp'), yamlWith('grades'));
    await rename(join(dir, 'suppliers.yaml.tmp'), file);
    await reloaded;
    expect(current().byName.get('acme')?.scopes).toEqual(['grades']);
  });

  test('a bad edit is logged and the last good config stays in force', async () => {
    const { logger, lines } = capturingLogger();
    const { current } = await start(logger);
    const before = current();
    const rejected = reloadWhere((outcome) => 'error' in outcome);
    await writeFile(file, yamlWith('standard, everything'));
    const outcome = await rejected;
    expect('error' in outcome && outcome.error.message).toMatch(/suppliers\[acme\]\.scopes\[1\]: must be one of/);
    expect(current()).toBe(before);
    const logged = lines.find((line) => line.level === 50);
    expect(logged?.msg).toBe('suppliers config rejected; the last good config stays in force');
    expect(JSON.stringify(logged)).toContain('suppliers[acme].scopes[1]');

    const fixed = reloadWhere(withScopes('attendance'));
    await writeFile(file, yamlWith('attendance'));
    await fixed;
    expect(current().byName.get('acme')?.scopes).toEqual(['attendance']);
  });

  test('a bad file at start refuses to start', async () => {
    await writeFile(file, 'suppliers: [{ name: acme }]\n');
    await expect(start()).rejects.toThrow('suppliers[acme].units: is required');
  });
});
