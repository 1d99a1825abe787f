import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load-config';
import { startDeployedGateway } from '../../src/gateway/deployed';
import { startE2E, type E2E } from '../support/e2e';

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
    const gateway = await startDeployedGateway(await loadConfig(file, { UNUSED_TOKEN: 'x' }));
    try {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ persons(first: 3) { edges { node { id givenName } } } }' }),
      });
      const body = (await response.json()) as { data: { persons: { edges: unknown[] } } };
      expect(body.data.persons.edges).toHaveLength(3);
    } finally {
      await gateway.close();
    }
  });
});
