// The gateway→subgraph fetch has the request's deadline: a subgraph that accepts the request and never
// answers costs only its own fields, at the deadline; and the subgraph is told the budget left.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SUPPLIERS_PATH, SUPERGRAPH_PATH } from '../../src/config/paths';
import { startGatewayServer } from '../../src/gateway/gateway-server';
import { startSupplierAuth } from '../../src/gateway/supplier-auth';
import { DEADLINE_HEADER } from '../../src/sources/shared/deadline';
import { startE2E, testAudit } from '../support/e2e';

test('a hung subgraph is cut at the request deadline; the others answer', async () => {
  const stack = await startE2E({ students: 40 });
  const seen: IncomingHttpHeaders[] = [];
  const hung = createServer((request) => void seen.push(request.headers));
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  const suppliers = await startSupplierAuth(DEFAULT_SUPPLIERS_PATH);
  const gateway = await startGatewayServer({
    supergraphSdl: await readFile(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { ...stack.subgraphUrls, schedule: `http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql` },
    listen: { host: '127.0.0.1', port: 0 },
    authenticator: suppliers.authenticator,
    callerSecret: stack.callerSecret,
    audit: testAudit(),
    requestTimeoutMs: 1_000,
  });
  try {
    const started = Date.now();
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-full-key' },
      body: JSON.stringify({ query: '{ persons(first: 1) { edges { node { id } } } rooms(first: 1) { edges { node { id } } } }' }),
    });
    const body = (await response.json()) as { data: Record<string, unknown>; errors: { extensions: Record<string, unknown> }[] };
    // A 1 s deadline; without one the gateway would wait for the subgraph as long as the socket lives.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect((body.data['persons'] as { edges: unknown[] }).edges).toHaveLength(1);
    expect(body.data['rooms']).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'UPSTREAM_UNAVAILABLE', subgraph: 'schedule' } })]);
    // The subgraph was told how much of the deadline was left.
    const budget = Number(seen[0]?.[DEADLINE_HEADER]);
    expect(budget).toBeGreaterThan(0);
    expect(budget).toBeLessThanOrEqual(1_000);
  } finally {
    hung.closeAllConnections();
    hung.close();
    await gateway.close();
    suppliers.close();
    await stack.close();
  }
});
