// A subgraph Hive Gateway cannot reach: the other subgraphs' data is served, and the missing one is
// named with UPSTREAM_UNAVAILABLE, as the Apollo gateway names it (test/gateway/deployed.test.ts).
import { createServer, type AddressInfo } from 'node:net';
import { DEFAULT_SUPPLIERS_PATH } from '../../src/config/paths';
import { bearer, post } from '../auth-e2e/support';
import { DEMO_KEYS, startE2E, testAudit, type E2E } from '../support/e2e';
import { startHiveFront } from '../support/engine';

/** A loopback port nothing listens on: bound, read, released. */
const freePort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

let stack: E2E;
beforeAll(async () => {
  stack = await startE2E({ students: 50, engine: 'apollo' });
});
afterAll(() => stack.close());

test('answers the other subgraphs’ data and names the missing subgraph', async () => {
  const closed = `http://127.0.0.1:${await freePort()}/graphql`;
  const hive = await startHiveFront({
    ...stack,
    subgraphUrls: { ...stack.subgraphUrls, schedule: closed },
    suppliersPath: DEFAULT_SUPPLIERS_PATH,
    audit: testAudit(),
    requestTimeoutMs: 60_000,
  });
  try {
    const response = await post(
      hive.url,
      { query: '{ persons(first: 1) { edges { node { id } } } rooms(first: 1) { edges { node { id } } } }' },
      bearer(DEMO_KEYS.full),
    );
    expect(response.status).toBe(200);
    expect((response.data as { persons: { edges: unknown[] } }).persons.edges).toHaveLength(1);
    expect((response.data as { rooms: unknown }).rooms).toBeNull();
    expect(response.errors).toEqual([
      {
        message: 'The schedule subgraph is unavailable.',
        path: ['rooms'],
        extensions: { code: 'UPSTREAM_UNAVAILABLE', subgraph: 'schedule' },
      },
    ]);
  } finally {
    await hive.close();
  }
});
