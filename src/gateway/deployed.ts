// The deployed shape: only the gateway, serving the committed supergraph, routed to configured subgraph URLs.
import { readFile } from 'node:fs/promises';
import type { GatewayConfig } from '../config/gateway-config';
import { PRODUCERS, type ProducerName } from '../ss12000/resources';
import { startGatewayServer } from './gateway-server';
import type { RunningServer } from './subgraph-server';

export async function startDeployedGateway(config: GatewayConfig): Promise<RunningServer & { subgraphUrls: Record<ProducerName, string> }> {
  const supergraphSdl = await readFile(config.gateway.supergraphPath, 'utf8');
  const subgraphUrls = Object.fromEntries(PRODUCERS.map((name) => [name, config.subgraphs[name].url])) as Record<ProducerName, string>;
  const gateway = await startGatewayServer({ supergraphSdl, subgraphUrls, listen: config.gateway });
  return { ...gateway, subgraphUrls };
}
