// The deployed shape: only the gateway, serving the committed supergraph, routed to configured subgraph URLs.
import { readFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway-config';
import { describeProcess, producersCalledBy } from '../config/producer-calls';
import { createSourceClients, fetchOrganisationTree } from '../sources';
import { PRODUCERS, type ProducerName } from '../ss12000/resources';
import { startGatewayServer } from './gateway-server';
import { placeholderUrl } from './schema-files';
import type { RateLimitStore } from './rate-limit';
import type { RunningServer } from './subgraph-server';
import { startSupplierAuth } from './supplier-auth';
import { createSharedStore, type SharedStateConfig } from '../state';
import { CONSOLE_ROOT } from '../config/paths';
import { createKeyUsage } from './admin/key-usage';

export interface DeployedAuth {
  /** The suppliers file, watched for changes. */
  suppliersPath: string;
  /** Shared with every subgraph (CALLER_SIGNING_SECRET). */
  callerSecret: string;
  /** Bearer token of GET /metrics (METRICS_TOKEN). */
  metricsToken?: string;
  /** Where the per-supplier rate-limit counters live (REDIS_URL: shared by every replica). */
  rateLimit?: RateLimitStore;
  /** Where APQ registrations live (REDIS_URL: shared by every replica). */
  sharedState?: SharedStateConfig;
  /** Where the audit lines go (default: stdout, as the deployed process writes them; tests pass their own). */
  audit?: Logger;
}

export async function startDeployedGateway(
  config: GatewayConfig,
  auth: DeployedAuth,
): Promise<RunningServer & { subgraphUrls: Record<ProducerName, string> }> {
  const supergraphSdl = await readFile(config.gateway.supergraphPath, 'utf8');
  const subgraphUrls = Object.fromEntries(PRODUCERS.map((name) => [name, config.subgraphs[name].url])) as Record<ProducerName, string>;
  // The change feed's subgraph, where one runs (`subgraphs.changes`); else its field routes nowhere and
  // answers an error, as a subgraph that is down does (README "Changes").
  const routes = { ...subgraphUrls, changes: config.changesSubgraphUrl ?? placeholderUrl('changes') };
  // The gateway reads the register producer once per suppliers (re)load, for the organisation tree units
  // expand over: the one producer it calls (src/config/producer-calls.ts), whatever the config was resolved for.
  const sourceClients = createSourceClients(config.producers, {
    validatePayloads: config.validatePayloads,
    calls: producersCalledBy('gateway'),
    process: describeProcess('gateway'),
  });
  const keyUsage = createKeyUsage();
  const suppliers = await startSupplierAuth(auth.suppliersPath, () => fetchOrganisationTree(sourceClients), { onUse: keyUsage.record });
  const shared = createSharedStore(auth.sharedState);
  try {
    await shared.connect();
    const gateway = await startGatewayServer({
      supergraphSdl,
      subgraphUrls: routes,
      listen: config.gateway,
      authenticator: suppliers.authenticator,
      suppliers: suppliers.config,
      callerSecret: auth.callerSecret,
      metricsToken: auth.metricsToken,
      rateLimit: auth.rateLimit,
      shared,
      ...(auth.audit ? { audit: auth.audit } : {}),
      requestTimeoutMs: config.gateway.requestTimeoutMs,
      shutdownGraceMs: config.gateway.shutdownGraceMs,
      cors: config.gateway.cors,
      organisationTreeKnown: suppliers.organisationTreeKnown,
      breakers: () => sourceClients.breakers(),
      console: { admins: config.admin, suppliersPath: auth.suppliersPath, root: CONSOLE_ROOT, keyUsage },
    });
    return {
      ...gateway,
      subgraphUrls,
      close: async () => {
        await gateway.close();
        await shared.close();
        suppliers.close();
        await sourceClients.close();
      },
    };
  } catch (error) {
    await shared.close();
    suppliers.close();
    await sourceClients.close();
    throw error;
  }
}
