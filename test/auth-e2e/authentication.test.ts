import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashApiKey } from '../../src/auth';
import { DEFAULT_SUPPLIERS_PATH } from '../../src/config/paths';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { bearer, post } from './support';

const PERSONS = '{ persons(first: 2) { edges { node { id } } } }';

// Who may call the gateway: the three demo suppliers of config/suppliers.yaml, nobody else.
describe('gateway authentication', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 200 });
  });
  afterAll(() => stack.close());

  it('refuses a request without credentials with 401 and an UNAUTHENTICATED GraphQL error', async () => {
    const response = await stack.query(PERSONS, undefined, { apiKey: null });
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([{ message: 'Missing, unknown or invalid credentials.', extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('refuses an unknown key with 401', async () => {
    const response = await stack.query(PERSONS, undefined, { apiKey: 'not-a-demo-key' });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a request carrying both Authorization and x-api-key (ambiguous) with 401', async () => {
    const response = await post(stack.gatewayUrl, { query: PERSONS }, { ...bearer(DEMO_KEYS.full), 'x-api-key': DEMO_KEYS.lms });
    expect(response.status).toBe(401);
  });

  it.each(Object.entries(DEMO_KEYS))('accepts the demo %s key as a bearer token', async (_name, key) => {
    const response = await post(stack.gatewayUrl, { query: '{ organisations(first: 1) { edges { node { id } } } }' }, bearer(key));
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });

  it('accepts a key sent as x-api-key', async () => {
    const response = await post(stack.gatewayUrl, { query: PERSONS }, { 'x-api-key': DEMO_KEYS.full });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });

  it('refuses GET /sdl without credentials with 401', async () => {
    const response = await fetch(new URL('/sdl', stack.gatewayUrl));
    expect(response.status).toBe(401);
  });
});

describe('a suppliers file edited while the gateway runs', () => {
  let stack: E2E;
  let file: string;
  beforeAll(async () => {
    file = path.join(await mkdtemp(path.join(tmpdir(), 'suppliers-')), 'suppliers.yaml');
    await copyFile(DEFAULT_SUPPLIERS_PATH, file);
    stack = await startE2E({ students: 100, suppliersPath: file });
  });
  afterAll(() => stack.close());

  it('accepts a supplier added to the file without a restart', async () => {
    const key = 'reloaded-supplier-key';
    expect((await stack.query(PERSONS, undefined, { apiKey: key })).status).toBe(401);
    const added = `\n  - name: reloaded\n    apiKeys:\n      - sha256: ${hashApiKey(key)}\n    units: all\n    scopes: [standard, students]\n    protectedIdentities: exclude\n`;
    await writeFile(file, (await readFile(file, 'utf8')) + added);
    // The watcher debounces and reloads asynchronously: poll (bounded) until the key is known.
    let status = 401;
    for (let attempt = 0; attempt < 100 && status === 401; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await stack.query(PERSONS, undefined, { apiKey: key })).status;
    }
    expect(status).toBe(200);
    expect((await stack.query(PERSONS, undefined, { apiKey: key })).errors).toBeUndefined();
  });
});
