// The deployed shape's change feed: one process (subgraph-main.js changes) that owns the producer
// subscriptions and their renewals, the notification endpoint, the polling and the supplier webhooks,
// and serves the `changes` subgraph to the gateway (signed callers only, as every subgraph). The same
// startChangeService as the embedded stack, over PostgreSQL only: replicas must share one feed (a
// memory log per replica would give each supplier a different feed, and cursors one replica cannot read).
import { startChangeService } from '../changes';
import type { ChangeTiming } from '../changes/service';
import { PgChangeStore } from '../changes/pg/pg-store';
import type { GatewayConfig } from '../config/gateway-config';
import { describeProcess } from '../config/producer-calls';
import { createSourceClients, fetchOrganisationTree } from '../sources';
import { startSubgraphServer, type RunningServer } from './subgraph-server';
import { SUBGRAPH_BUILDERS } from './subgraphs';
import { startSupplierAuth } from './supplier-auth';
import { createSharedStore, type SharedStateConfig } from '../state';

export interface DeployedChangesSecrets {
  /** Shared with the gateway (CALLER_SIGNING_SECRET). */
  callerSecret: string;
  /** The feed's cursor seals and protected persons' aliases (ALIAS_SECRET, as every subgraph); the signing secret when absent. */
  aliasSecret?: string;
  /** PostgreSQL (DATABASE_URL): required. */
  databaseUrl: string | undefined;
  /** The suppliers file (SUPPLIERS_CONFIG): whose webhooks to send, and each supplier's units and presets. */
  suppliersPath: string;
  /** Environment variables: the suppliers' webhook secrets are `${NAME}` references into them. */
  variables: Readonly<Record<string, string | undefined>>;
  /** Bearer token of GET /metrics (METRICS_TOKEN). */
  metricsToken?: string;
  /** Where the ledger of accepted signatures its replicas share lives (REDIS_URL). */
  sharedState?: SharedStateConfig;
  /** Tests only: shorter poll, dispatch and retry intervals. */
  timing?: Partial<ChangeTiming>;
}

export const DATABASE_URL_REQUIRED =
  'the changes subgraph needs DATABASE_URL (PostgreSQL): its replicas must share one change feed (log, watermarks, subscriptions, cursors, deliveries).';

export async function startDeployedChanges(config: GatewayConfig, secrets: DeployedChangesSecrets): Promise<RunningServer> {
  if (!secrets.databaseUrl) throw new Error(DATABASE_URL_REQUIRED);
  if (config.process !== 'changes')
    throw new Error(
      `the changes subgraph needs its config loaded for it (loadConfig(file, variables, 'changes')), got one for ${config.process ?? 'every process'}`,
    );
  if (config.changes === undefined)
    throw new Error('the changes subgraph needs `subgraphs.changes` in the config file (url, publicUrl, notifications).');
  const settings = config.changes;
  const aliasSecret = secrets.aliasSecret ?? secrets.callerSecret;
  const sourceClients = createSourceClients(config.producers, {
    validatePayloads: config.validatePayloads,
    aliasSecret,
    calls: config.calls,
    process: describeProcess('changes'),
  });
  const closers: (() => Promise<void> | void)[] = [() => sourceClients.close()];
  const close = async (): Promise<void> => {
    for (const closeOne of closers.reverse()) await closeOne();
  };
  const shared = createSharedStore(secrets.sharedState);
  closers.push(() => shared.close());
  try {
    await shared.connect();
    // Webhooks go out on a supplier's behalf without a request: its units expand over the organisation tree, as at the gateway.
    const suppliers = await startSupplierAuth(secrets.suppliersPath, () => fetchOrganisationTree(sourceClients));
    closers.push(() => suppliers.close());
    const store = await PgChangeStore.open(secrets.databaseUrl);
    const changes = startChangeService({
      store,
      sourceClients,
      notificationAuth: settings.notificationAuth,
      suppliers: suppliers.config,
      callerOf: suppliers.callerOf,
      variables: secrets.variables,
      cursorSecret: aliasSecret,
      timing: secrets.timing,
    });
    closers.push(() => changes.close());
    const server = await startSubgraphServer({
      name: 'changes',
      schema: await SUBGRAPH_BUILDERS.changes(),
      sourceClients,
      listen: settings.listen,
      callerSecret: secrets.callerSecret,
      metricsToken: secrets.metricsToken,
      shutdownGraceMs: config.gateway.shutdownGraceMs,
      cursorSecret: aliasSecret,
      shared,
      context: { changeFeed: { store: changes.store, cursors: changes.cursors } },
      notifications: (request) => changes.receive(request),
    });
    closers.push(() => server.close());
    // Listening first: a producer may notify as soon as it holds the subscription.
    await changes.start(settings.publicUrl);
    return { url: server.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
