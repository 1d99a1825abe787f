// trustedDocuments in the suppliers file: checked at load (each problem names the supplier and the key),
// a manifest read relative to the suppliers file, and reloaded when either file changes.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { hashApiKey } from '../../src/auth/api-key';
import { loadSuppliersConfig, parseSuppliersConfig, type SuppliersConfig } from '../../src/auth/suppliers-config';
import { SuppliersConfigError } from '../../src/auth/suppliers-errors';
import { watchSuppliersConfig, type SuppliersWatch } from '../../src/auth/suppliers-watcher';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const CARD = 'query Card { persons(first: 1) { edges { node { id } } } }';
const GROUPS = 'query Groups { groups(first: 1) { edges { node { id } } } }';

const supplierWith = (trusted: string): string =>
  `suppliers:\n  - name: lms\n    apiKeys: [{ sha256: ${hashApiKey('k')} }]\n    units: all\n    scopes: [students]\n    protectedIdentities: alias\n${trusted}`;

describe('trusted documents in the suppliers file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trusted-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const problemsOf = async (yaml: string): Promise<readonly string[]> => {
    const error: unknown = await parseSuppliersConfig(yaml, 'suppliers.yaml', dir).then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
    if (!(error instanceof SuppliersConfigError)) throw new Error(`expected a SuppliersConfigError, got ${String(error)}`);
    return error.problems;
  };

  test('an inline list: each text is registered under its sha256', async () => {
    const config = await parseSuppliersConfig(
      supplierWith(`    trustedDocuments:\n      mode: safelist\n      documents:\n        - "${CARD}"\n`),
    );
    const trusted = config.byName.get('lms')?.trustedDocuments;
    expect(trusted?.mode).toBe('safelist');
    expect([...(trusted?.documents ?? [])]).toEqual([[sha256(CARD), CARD]]);
    expect(config.files).toEqual([]);
  });

  test('a manifest relative to the suppliers file, as {sha256: text} or as an Apollo persisted query manifest', async () => {
    await writeFile(join(dir, 'plain.json'), JSON.stringify({ [sha256(CARD)]: CARD }));
    await writeFile(
      join(dir, 'apollo.json'),
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256(GROUPS), name: 'Groups', type: 'query', body: GROUPS }],
      }),
    );
    await writeFile(
      join(dir, 'suppliers.yaml'),
      `${supplierWith('    trustedDocuments: { mode: safelist, documents: plain.json }\n')}  - name: other\n    apiKeys: [{ sha256: ${hashApiKey('o')} }]\n    units: all\n    scopes: [students]\n    protectedIdentities: alias\n    trustedDocuments: { mode: permissive, documents: apollo.json }\n`,
    );
    const config = await loadSuppliersConfig(join(dir, 'suppliers.yaml'));
    expect(config.byName.get('lms')?.trustedDocuments?.documents.get(sha256(CARD))).toBe(CARD);
    expect(config.byName.get('other')?.trustedDocuments).toEqual({ mode: 'permissive', documents: new Map([[sha256(GROUPS), GROUPS]]) });
    expect(config.files).toEqual([join(dir, 'plain.json'), join(dir, 'apollo.json')]);
    expect(config.byName.get('lms')?.trustedDocuments?.documents.size).toBe(1);
  });

  test('an unknown mode, a missing key and an empty list name the supplier and key', async () => {
    expect(await problemsOf(supplierWith('    trustedDocuments: { mode: strict, documents: [] }\n'))).toEqual([
      'suppliers[lms].trustedDocuments.mode: must be one of: safelist, permissive',
      'suppliers[lms].trustedDocuments.documents: must NOT have fewer than 1 items',
    ]);
    expect(await problemsOf(supplierWith('    trustedDocuments: { mode: safelist }\n'))).toEqual([
      'suppliers[lms].trustedDocuments.documents: is required',
    ]);
  });

  test('a manifest whose ids are not the sha256 of their texts, or whose texts do not parse, is refused naming each id', async () => {
    const wrong = sha256('another text');
    const broken = '{ persons(';
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ [wrong]: CARD, 'not-a-hash': CARD, [sha256(broken)]: broken }));
    const problems = await problemsOf(supplierWith('    trustedDocuments: { mode: safelist, documents: bad.json }\n'));
    expect(problems).toEqual([
      `suppliers[lms].trustedDocuments.documents[${wrong}]: the id is not the sha256 of its document`,
      'suppliers[lms].trustedDocuments.documents[not-a-hash]: the id must be a sha256: 64 lowercase hex digits',
      expect.stringMatching(
        new RegExp(`^suppliers\\[lms\\]\\.trustedDocuments\\.documents\\[${sha256(broken)}\\]: not a GraphQL document`),
      ),
    ]);
  });

  test('a manifest that is missing or not JSON is refused naming the supplier and the file', async () => {
    const [missing] = await problemsOf(supplierWith('    trustedDocuments: { mode: safelist, documents: nowhere.json }\n'));
    expect(missing).toMatch(/^suppliers\[lms\]\.trustedDocuments\.documents: cannot read the manifest .*nowhere\.json/);
    await writeFile(join(dir, 'list.json'), '["query { a }"]');
    expect(await problemsOf(supplierWith('    trustedDocuments: { mode: safelist, documents: list.json }\n'))).toEqual([
      `suppliers[lms].trustedDocuments.documents: ${join(dir, 'list.json')} must be a JSON object {"<sha256>": "<document>"}`,
    ]);
  });

  describe('reloading', () => {
    let watch: SuppliersWatch | undefined;
    afterEach(() => watch?.close());

    const reloads = () => {
      let waiters: { matches: (config: SuppliersConfig) => boolean; resolve: () => void }[] = [];
      return {
        onReload: (outcome: { config: SuppliersConfig } | { error: Error }) => {
          if (!('config' in outcome)) return;
          const done = waiters.filter((waiter) => waiter.matches(outcome.config));
          waiters = waiters.filter((waiter) => !done.includes(waiter));
          for (const waiter of done) waiter.resolve();
        },
        until: (matches: (config: SuppliersConfig) => boolean) => new Promise<void>((resolve) => waiters.push({ matches, resolve })),
      };
    };

    test('editing the manifest alone reloads the supplier’s documents', async () => {
      await writeFile(join(dir, 'lms.json'), JSON.stringify({ [sha256(CARD)]: CARD }));
      await writeFile(join(dir, 'suppliers.yaml'), supplierWith('    trustedDocuments: { mode: safelist, documents: lms.json }\n'));
      const { onReload, until } = reloads();
      watch = await watchSuppliersConfig(join(dir, 'suppliers.yaml'), { logger: pino({ level: 'silent' }), debounceMs: 20, onReload });
      expect(watch.current().byName.get('lms')?.trustedDocuments?.documents.has(sha256(GROUPS))).toBe(false);
      const reloaded = until((config) => config.byName.get('lms')?.trustedDocuments?.documents.has(sha256(GROUPS)) === true);
      await writeFile(join(dir, 'lms.json'), JSON.stringify({ [sha256(CARD)]: CARD, [sha256(GROUPS)]: GROUPS }));
      await reloaded;
      expect(watch.current().byName.get('lms')?.trustedDocuments?.documents.size).toBe(2);
    });
  });
});
