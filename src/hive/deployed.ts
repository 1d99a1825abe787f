// The deployed shape on Hive Gateway: the same config file, suppliers file and secrets as the Apollo
// gateway (src/gateway/deployed.ts), the committed supergraph routed to the configured subgraph URLs.
import { readFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway-config';
import { describeProcess, producersCalledBy } from '../config/producer-calls';
import type { DeployedAuth } from '../gateway/deployed';
import type { RunningServer } from '../gateway/subgraph-server';
import { startSupplierAuth } from '../gateway/supplier-auth';
import { createSourceClients, fetchOrganisationTree } from '../sources';
import { PRODUCERS, type ProducerName } from '../ss12000/resources';
import { startHiveGateway, type HiveGatewayOptions } from './runtime';

export interface DeployedHiveOptions extends DeployedAuth {
  /** Where audit lines go (default stdout). */
  audit?: Logger;
  /** Hive's own log level. */
  hiveLogging?: HiveGatewayOptions['hiveLogging'];
}

export async function startDeployedHiveGateway(
  config: GatewayConfig,
  options: DeployedHiveOptions,
): Promise<RunningServer & { subgraphUrls: Record<ProducerName, string> }> {
  const supergraphSdl = await readFile(config.gateway.supergraphPath, 'utf8');
  const subgraphUrls = {
    ...(Object.fromEntries(PRODUCERS.map((name) => [name, config.subgraphs[name].url])) as Record<ProducerName, string>),
    ...(config.changesSubgraphUrl ? { changes: config.changesSubgraphUrl } : {}),
  };
  // As the Apollo gateway: the register producer only, for the organisation tree units expand over.
  const sourceClients = createSourceClients(config.producers, {
    validatePayloads: config.validatePayloads,
    calls: producersCalledBy('gateway'),
    process: describeProcess('gateway'),
  });
  const suppliers = await startSupplierAuth(options.suppliersPath, () => fetchOrganisationTree(sourceClients));
  try {
    const gateway = await startHiveGateway({
      supergraphSdl,
      subgraphUrls,
      listen: config.gateway,
      authenticator: suppliers.authenticator,
      suppliers: suppliers.config,
      organisationTreeKnown: suppliers.organisationTreeKnown,
      callerSecret: options.callerSecret,
      metricsToken: options.metricsToken,
      rateLimit: options.rateLimit,
      sharedState: options.sharedState,
      audit: options.audit,
      requestTimeoutMs: config.gateway.requestTimeoutMs,
      breakers: () => sourceClients.breakers(),
      hiveLogging: options.hiveLogging,
    });
    return {
      ...gateway,
      subgraphUrls,
      close: async () => {
        await gateway.close();
        suppliers.close();
        await sourceClients.close();
      },
    };
  } catch (error) {
    suppliers.close();
    await sourceClients.close();
    throw error;
  }
}
