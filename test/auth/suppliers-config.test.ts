import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashApiKey } from '../../src/auth/api-key';
import { loadSuppliersConfig, parseSuppliersConfig } from '../../src/auth/suppliers-config';
import { problemsOf } from './support/config-problems';

const DEMO_FILE = join(__dirname, '../../config/suppliers.yaml');

const supplier = (lines: string): string =>
  `suppliers:\n  - name: demo-lms\n    apiKeys: [{ sha256: ${hashApiKey('k')} }]\n    scopes: [students]\n    protectedIdentities: alias\n${lines}`;

describe('the suppliers file', () => {
  test('the demo file loads into four fully resolved suppliers', async () => {
    const config = await loadSuppliersConfig(DEMO_FILE);
    expect(config.suppliers.map((s) => s.name)).toEqual(['demo-full', 'demo-lms', 'demo-analytics', 'demo-attendance']);
    const analytics = config.byName.get('demo-analytics');
    expect(analytics?.minGroupSize).toBe(5);
    expect(analytics?.protectedIdentities).toBe('exclude');
    expect(config.byName.get('demo-full')?.apiKeyHashes[0]?.toString('hex')).toBe(hashApiKey('demo-full-key'));
    expect(config.byName.get('demo-lms')?.units).toEqual([{ schoolUnitCode: expect.stringMatching(/^\d{8}$/) }]);
  });

  test('the example file is valid: an API-key supplier, a JWKS supplier and a PEM supplier', async () => {
    const config = await loadSuppliersConfig(join(__dirname, '../../config/suppliers.example.yaml'));
    expect(config.suppliers.map((s) => [s.name, s.apiKeyHashes.length, s.jwt?.supplierClaim])).toEqual([
      ['meal-planner', 1, undefined],
      ['learning-platform', 0, 'azp'],
      ['attendance-analytics', 0, 'client_id'],
    ]);
  });

  test('the demo file stores digests, never the demo keys', async () => {
    const text = await readFile(DEMO_FILE, 'utf8');
    for (const key of ['demo-full-key', 'demo-lms-key', 'demo-analytics-key', 'demo-attendance-key']) expect(text).not.toContain(key);
  });

  test('a minimum group size next to a preset that serves the same figures per student is refused', async () => {
    for (const scopes of ['[students, attendance]', '[students, attendanceRows]']) {
      expect(await problemsOf(supplier(`    units: all\n    minGroupSize: 5\n`).replace('[students]', scopes))).toEqual([
        expect.stringMatching(/^suppliers\[demo-lms\]\.minGroupSize: cannot be combined with attendance/),
      ]);
    }
    // The summary alone is what such a supplier is granted; without a minimum, rows may be granted.
    await expect(
      parseSuppliersConfig(supplier(`    units: all\n    minGroupSize: 5\n`).replace('[students]', '[absenceSummary]')),
    ).resolves.toBeDefined();
    await expect(
      parseSuppliersConfig(supplier(`    units: all\n`).replace('[students]', '[attendance, attendanceRows]')),
    ).resolves.toBeDefined();
  });

  test('a unit that is not a uuid is named by supplier and index', async () => {
    expect(await problemsOf(supplier('    units: [not-a-uuid]\n'))).toEqual(['suppliers[demo-lms].units[0]: must be a uuid']);
  });

  test('a unit given by schoolUnitCode must be eight digits', async () => {
    expect(await problemsOf(supplier('    units: [{ schoolUnitCode: "12" }]\n'))).toEqual([
      'suppliers[demo-lms].units[0].schoolUnitCode: must be a schoolUnitCode: 8 digits',
    ]);
  });

  test('an unknown scope, an unknown key and a missing key are all reported at once', async () => {
    const yaml = `suppliers:\n  - name: demo-lms\n    apiKeys: [{ sha256: ${hashApiKey('k')} }]\n    units: all\n    scopes: [students, everything]\n    colour: red\n`;
    const problems = await problemsOf(yaml);
    expect(problems).toContain('suppliers[demo-lms].colour: unknown key');
    expect(problems).toContain('suppliers[demo-lms].protectedIdentities: is required');
    expect(problems.find((p) => p.startsWith('suppliers[demo-lms].scopes[1]: must be one of: standard, students'))).toBeDefined();
  });

  test('an API key written in plain text instead of its digest is refused', async () => {
    const yaml =
      'suppliers:\n  - { name: acme, apiKeys: [{ sha256: my-secret-key }], units: all, scopes: [standard], protectedIdentities: exclude }\n';
    expect(await problemsOf(yaml)).toEqual([expect.stringMatching(/^suppliers\[acme\]\.apiKeys\[0\]\.sha256: must be a sha256 digest/)]);
  });

  test('a supplier without a usable name is named by its position', async () => {
    const yaml = 'suppliers:\n  - { name: "Bad Name", units: all, scopes: [standard], protectedIdentities: exclude }\n';
    expect(await problemsOf(yaml)).toContain('suppliers[0].name: must be 1–64 lowercase letters, digits, ".", "_" or "-"');
  });

  test('a supplier needs some credential', async () => {
    const yaml = 'suppliers:\n  - { name: acme, units: all, scopes: [standard], protectedIdentities: exclude }\n';
    expect(await problemsOf(yaml)).toEqual(['suppliers[acme]: needs apiKeys or jwt']);
  });

  test('two suppliers may not share a name or a key', async () => {
    const line = `{ name: acme, apiKeys: [{ sha256: ${hashApiKey('k')} }], units: all, scopes: [standard], protectedIdentities: exclude }`;
    const problems = await problemsOf(`suppliers:\n  - ${line}\n  - ${line}\n`);
    expect(problems).toEqual([
      'suppliers[acme]: the name is used by another supplier',
      'suppliers[acme].apiKeys[0]: the same key belongs to suppliers[acme]',
    ]);
  });

  test('a jwt block names exactly one source of keys', async () => {
    const yaml =
      'suppliers:\n  - { name: acme, jwt: { issuer: https://idp, audience: gw }, units: all, scopes: [standard], protectedIdentities: exclude }\n';
    expect(await problemsOf(yaml)).toEqual(['suppliers[acme].jwt: needs exactly one of jwksUrl and publicKeyPem']);
  });

  test('a PEM that is not a key for its algorithm is refused at load', async () => {
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const yaml = `suppliers:\n  - name: acme\n    jwt: { issuer: https://idp, audience: gw, algorithm: RS256, publicKeyPem: ${JSON.stringify(ecKey)} }\n    units: all\n    scopes: [standard]\n    protectedIdentities: exclude\n`;
    expect(await problemsOf(yaml)).toEqual([expect.stringMatching(/^suppliers\[acme\]\.jwt\.publicKeyPem: not a usable public key/)]);
  });

  test('a file that is not YAML says so', async () => {
    expect(await problemsOf('suppliers: [')).toEqual([expect.stringMatching(/^not valid YAML: .*line 1/)]);
  });

  test('an empty file is refused', async () => {
    expect(await problemsOf('')).toEqual(['(file): must be a mapping with a "suppliers" list']);
  });
});
