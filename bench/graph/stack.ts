// Subgraphs and gateway in the bench process, over producers running elsewhere: the embedded
// stack's wiring, tuning (DEMO_TUNING), supplier authentication and field permissions, minus the
// in-process producers. Keep in step with src/gateway/embedded.ts.
import { pino } from 'pino';
import type { Dataset } from '../../src/demo/dataset';
import { organisationNode } from '../../src/auth';
import { DEFAULT_SUPPLIERS_PATH } from '../../src/config/paths';
import { composeSupergraph } from '../../src/gateway/compose';
import { DEMO_TUNING } from '../../src/gateway/embedded';
import { startGatewayServer } from '../../src/gateway/gateway-server';
import { startSubgraphServer } from '../../src/gateway/subgraph-server';
import { generateCallerSecret, startSupplierAuth } from '../../src/gateway/supplier-auth';
import { buildSubgraphSchemas, subgraphSdl } from '../../src/gateway/subgraphs';
import { createSourceClients, type SourcesConfig } from '../../src/sources';
import { PRODUCERS, type ProducerName } from '../../src/ss12000/resources';
import type { ProducerEndpoint } from './producers-process';

const LOOPBACK = { host: '127.0.0.1', port: 0 };
// Audit lines are written as in production, only not into the table.
const AUDIT_SINK = pino(pino.destination('/dev/null'));

export interface GatewayStack {
  readonly gatewayUrl: string;
  close(): Promise<void>;
}

/** `dataset`: the municipality the producers serve (the same seed), for the suppliers' unit trees. */
export async function startGatewayStack(producers: Record<ProducerName, ProducerEndpoint>, dataset: Dataset): Promise<GatewayStack> {
  const closers: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    for (const closeOne of closers.reverse()) await closeOne();
  };
  try {
    const config = Object.fromEntries(
      PRODUCERS.map((name) => [name, { ...DEMO_TUNING, baseUrl: producers[name].url, auth: { kind: 'bearer', token: producers[name].token } }]),
    ) as SourcesConfig;
    const sourceClients = createSourceClients(config);
    closers.push(() => sourceClients.close());
    const callerSecret = generateCallerSecret();
    const organisations = [...dataset.organisations.values()].map(organisationNode);
    const auth = await startSupplierAuth(DEFAULT_SUPPLIERS_PATH, () => organisations);
    closers.push(async () => auth.close());
    const schemas = await buildSubgraphSchemas();
    const subgraphUrls = {} as Record<ProducerName, string>;
    for (const name of PRODUCERS) {
      const server = await startSubgraphServer({ name, schema: schemas[name], sourceClients, listen: LOOPBACK, callerSecret });
      closers.push(() => server.close());
      subgraphUrls[name] = server.url;
    }
    const supergraphSdl = composeSupergraph(PRODUCERS.map((name) => ({ name, url: subgraphUrls[name], sdl: subgraphSdl(schemas[name]) })));
    const gateway = await startGatewayServer({ supergraphSdl, subgraphUrls, listen: LOOPBACK, authenticator: auth.authenticator, callerSecret, audit: AUDIT_SINK });
    closers.push(() => gateway.close());
    return { gatewayUrl: gateway.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
