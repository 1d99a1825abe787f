// A supplier's change-feed webhook in the suppliers file: only with the changes preset (a webhook
// tells of changes, so it is the feed by another door), an http(s) URL, and the HMAC secret only as
// a reference to an environment variable, never written in the file.
import { parseSuppliersConfig } from '../../src/auth/suppliers-config';
import { problemsOf } from './support/config-problems';

const withWebhook = (scopes: string, webhook: string): string =>
  `suppliers:\n  - name: acme\n    apiKeys: [{ sha256: ${'a'.repeat(64)} }]\n    units: all\n    scopes: [${scopes}]\n    protectedIdentities: alias\n    webhook:\n${webhook}`;

const GOOD = "      url: https://acme.example/ss12000-hook\n      secret: '${ACME_WEBHOOK_SECRET}'\n";

describe('a supplier webhook', () => {
  it('is read with the variable its secret names', async () => {
    const config = await parseSuppliersConfig(withWebhook('standard, attendance, changes', GOOD));
    expect(config.byName.get('acme')?.webhook).toEqual({ url: 'https://acme.example/ss12000-hook', secretVariable: 'ACME_WEBHOOK_SECRET' });
  });

  it('needs the changes preset: a webhook is the feed by another door', async () => {
    expect(await problemsOf(withWebhook('standard, attendance', GOOD))).toEqual([
      'suppliers[acme].webhook: needs the changes preset in scopes',
    ]);
  });

  it('refuses a secret written in the file, and a URL that is not http(s)', async () => {
    const literal = await problemsOf(
      withWebhook('standard, changes', '      url: https://acme.example/hook\n      secret: hunter2-hunter2-hunter2\n'),
    );
    expect(literal).toEqual([expect.stringMatching(/^suppliers\[acme\]\.webhook\.secret/)]);
    const ftp = await problemsOf(withWebhook('standard, changes', "      url: ftp://acme.example/hook\n      secret: '${ACME}'\n"));
    expect(ftp).toEqual([expect.stringMatching(/^suppliers\[acme\]\.webhook\.url/)]);
  });

  it('is not there unless configured', async () => {
    const config = await parseSuppliersConfig(withWebhook('standard, changes', GOOD).replace(/ {4}webhook:\n.*$/s, ''));
    expect(config.byName.get('acme')?.webhook).toBeUndefined();
  });
});
