import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load-config';
import { DEFAULT_SUPPLIERS_PATH, SUPERGRAPH_PATH } from '../../src/config/paths';
import { startDeployedGateway } from '../../src/gateway/deployed';
import { startGatewayServer } from '../../src/gateway/gateway-server';
import { startSupplierAuth } from '../../src/gateway/supplier-auth';
import { startE2E, testAudit, type E2E } from '../support/e2e';

// The deployed shape: a gateway alone, serving the COMMITTED supergraph, routed by a config file.
describe('the deployed gateway', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 100 });
  });
  afterAll(() => stack.close());

  it('serves the committed supergraph against subgraph URLs from the config file', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'gateway-config-')), 'gateway.yaml');
    const producer = { baseUrl: 'https://unused.example.se', auth: { kind: 'bearer', token: '${UNUSED_TOKEN}' } };
    await writeFile(
      file,
      stringify({
        gateway: { host: '127.0.0.1', port: 0 },
        subgraphs: Object.fromEntries(Object.entries(stack.subgraphUrls).map(([name, url]) => [name, { url }])),
        producers: { register: producer, schedule: producer, attendance: producer, grades: producer },
      }),
    );
    const gateway = await startDeployedGateway(await loadConfig(file, { UNUSED_TOKEN: 'x' }), {
      suppliersPath: DEFAULT_SUPPLIERS_PATH,
      callerSecret: stack.callerSecret,
      audit: testAudit(),
    });
    try {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-full-key' },
        body: JSON.stringify({ query: '{ persons(first: 3) { edges { node { id givenName } } } }' }),
      });
      const body = (await response.json()) as { data: { persons: { edges: unknown[] } } };
      expect(body.data.persons.edges).toHaveLength(3);
    } finally {
      await gateway.close();
    }
  });
});

/** A loopback port nothing listens on: bound, read, released. */
const freePort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

describe('a gateway whose subgraph cannot be reached', () => {
  it('answers the other subgraphs’ data and names the missing subgraph', async () => {
    const stack = await startE2E({ students: 100 });
    const closed = `http://127.0.0.1:${await freePort()}/graphql`;
    const suppliers = await startSupplierAuth(DEFAULT_SUPPLIERS_PATH);
    const gateway = await startGatewayServer({
      supergraphSdl: await readFile(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: { ...stack.subgraphUrls, schedule: closed },
      listen: { host: '127.0.0.1', port: 0 },
      authenticator: suppliers.authenticator,
      suppliers: suppliers.config,
      callerSecret: stack.callerSecret,
      audit: testAudit(),
    });
    try {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-full-key' },
        body: JSON.stringify({ query: '{ persons(first: 1) { edges { node { id } } } rooms(first: 1) { edges { node { id } } } }' }),
      });
      const body = (await response.json()) as {
        data: Record<string, unknown>;
        errors: { message: string; extensions: Record<string, unknown> }[];
      };
      expect((body.data['persons'] as { edges: unknown[] }).edges).toHaveLength(1);
      expect(body.data['rooms']).toBeNull();
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: 'The schedule subgraph is unavailable.',
          extensions: { code: 'UPSTREAM_UNAVAILABLE', subgraph: 'schedule' },
        }),
      ]);
    } finally {
      await gateway.close();
      suppliers.close();
      await stack.close();
    }
  });
});
