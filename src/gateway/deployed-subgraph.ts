// The deployed shape: one subgraph as its own service against real producers, from the config file
// resolved for it (loadConfig(file, env, name)): source clients only for the producers it calls.
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway-config';
import { describeProcess } from '../config/producer-calls';
import { createSourceClients } from '../sources';
import type { ProducerName } from '../ss12000/resources';
import { createAuditLogger } from './audit-log';
import { createIdempotencyStore } from './idempotency-store';
import { startSubgraphServer, type RunningServer } from './subgraph-server';
import { SUBGRAPH_BUILDERS } from './subgraphs';
import { createSharedStore, type SharedStateConfig } from '../state';

export interface DeployedSubgraphSecrets {
  /** Shared with the gateway (CALLER_SIGNING_SECRET). */
  callerSecret: string;
  /** Protected persons' alias names (ALIAS_SECRET); the signing secret when absent. */
  aliasSecret?: string;
  /** Bearer token of GET /metrics (METRICS_TOKEN). */
  metricsToken?: string;
  /** Where the state this subgraph's replicas share lives (REDIS_URL; src/config/shared-state.ts says which subgraphs have any). */
  sharedState?: SharedStateConfig;
  /** Where the writes' audit lines go (default: stdout, as the deployed process writes them; tests pass their own). */
  audit?: Logger;
}

export async function startDeployedSubgraph(
  name: ProducerName,
  config: GatewayConfig,
  secrets: DeployedSubgraphSecrets,
): Promise<RunningServer> {
  if (config.process !== name)
    throw new Error(
      `the ${name} subgraph needs its config loaded for it (loadConfig(file, variables, '${name}')), got one for ${config.process ?? 'every process'}`,
    );
  // Every subgraph process must name a protected person alike: ALIAS_SECRET, else the signing secret they all share.
  const sourceClients = createSourceClients(config.producers, {
    validatePayloads: config.validatePayloads,
    aliasSecret: secrets.aliasSecret ?? secrets.callerSecret,
    calls: config.calls,
    process: describeProcess(name),
  });
  const shared = createSharedStore(secrets.sharedState);
  // Only attendance has mutations: its idempotency keys (in the shared state's Redis) and write audit lines.
  const idempotency =
    name === 'attendance'
      ? createIdempotencyStore({ redisUrl: secrets.sharedState?.redisUrl, ttlSeconds: config.gateway.idempotencyTtlSeconds })
      : undefined;
  try {
    await shared.connect();
    await idempotency?.connect();
    const server = await startSubgraphServer({
      name,
      schema: await SUBGRAPH_BUILDERS[name](),
      sourceClients,
      listen: config.subgraphs[name].listen,
      callerSecret: secrets.callerSecret,
      metricsToken: secrets.metricsToken,
      shutdownGraceMs: config.gateway.shutdownGraceMs,
      shared,
      // Every replica seals cursors alike, so each opens the others' (as aliases: ALIAS_SECRET, else the signing secret).
      cursorSecret: secrets.aliasSecret ?? secrets.callerSecret,
      ...(idempotency ? { writes: { idempotency, audit: secrets.audit ?? createAuditLogger() } } : {}),
    });
    return {
      url: server.url,
      close: async () => {
        await server.close();
        await shared.close();
        await idempotency?.close();
        await sourceClients.close();
      },
    };
  } catch (error) {
    await shared.close();
    await idempotency?.close();
    await sourceClients.close();
    throw error;
  }
}
