// costBudget and rateLimit in the suppliers file: optional, validated like every other key, and
// carried to the gateway on the caller (not on the signed claims the subgraphs see).
import { hashApiKey } from '../../src/auth/api-key';
import { createAuthenticator } from '../../src/auth/credentials';
import { callerClaims } from '../../src/auth/signed-caller';
import { parseSuppliersConfig } from '../../src/auth/suppliers-config';
import { problemsOf } from './support/config-problems';

const supplier = (lines: string): string =>
  `suppliers:\n  - name: meals\n    apiKeys: [{ sha256: ${hashApiKey('meals-key')} }]\n    units: all\n    scopes: [standard]\n    protectedIdentities: exclude\n${lines}`;

test('both are optional: without them the gateway applies its defaults', async () => {
  const config = await parseSuppliersConfig(supplier(''));
  expect(config.byName.get('meals')?.limits).toEqual({ costBudget: undefined, rateLimit: undefined });
});

test('a supplier with its own budget and rate limit, carried on the caller but never signed to the subgraphs', async () => {
  const config = await parseSuppliersConfig(supplier('    costBudget: 50000\n    rateLimit: { requests: 120, windowSeconds: 60 }\n'));
  expect(config.byName.get('meals')?.limits).toEqual({ costBudget: 50000, rateLimit: { requests: 120, windowSeconds: 60 } });
  const caller = await createAuthenticator({ config: () => config }).authenticate({ 'x-api-key': 'meals-key' });
  expect(caller?.limits).toEqual({ costBudget: 50000, rateLimit: { requests: 120, windowSeconds: 60 } });
  expect(callerClaims(caller!)).not.toHaveProperty('limits');
});

test('bad values are named by supplier and key', async () => {
  expect(await problemsOf(supplier('    costBudget: 0\n'))).toEqual([expect.stringMatching(/^suppliers\[meals\]\.costBudget: /)]);
  expect(await problemsOf(supplier('    costBudget: lots\n'))).toEqual([expect.stringMatching(/^suppliers\[meals\]\.costBudget: /)]);
  expect(await problemsOf(supplier('    rateLimit: { requests: 10 }\n'))).toEqual([
    expect.stringMatching(/^suppliers\[meals\]\.rateLimit/),
  ]);
  expect(await problemsOf(supplier('    rateLimit: { requests: 1.5, windowSeconds: 60 }\n'))).toEqual([
    expect.stringMatching(/^suppliers\[meals\]\.rateLimit\.requests: /),
  ]);
  expect(await problemsOf(supplier('    rateLimit: { requests: 10, windowSeconds: 60, burst: 5 }\n'))).toEqual([
    'suppliers[meals].rateLimit.burst: unknown key',
  ]);
});
