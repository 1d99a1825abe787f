// The deployed shape, fully resolved: every default applied, every secret substituted.
import type { AdminFile } from '../auth/admin-auth';
import type { NotificationAuth } from '../changes/notifications';
import type { SourcesConfig } from '../sources';
import type { ProducerName } from '../ss12000/resources';
import type { ProcessName } from './producer-calls';

export interface ListenConfig {
  host: string;
  port: number;
}

export interface SubgraphEndpoint {
  /** Where the gateway reaches this subgraph, e.g. http://register-subgraph:4001/graphql */
  url: string;
  /** Where this subgraph listens when run as its own service (subgraph-main). */
  listen: ListenConfig;
}

export interface ChangesProcessConfig extends SubgraphEndpoint {
  /** Its base URL as the producers reach it, ending in `/`: their webhooks go to `<publicUrl>ss12000/notifications/<producer>`. None: every producer is polled. */
  publicUrl?: string;
  /** Per producer, how its notifications are verified; a producer without one is polled, never subscribed to. */
  notificationAuth: Partial<Record<ProducerName, NotificationAuth>>;
}

export interface GatewayConfig {
  gateway: ListenConfig & {
    /** Composed supergraph SDL the gateway serves (the committed schema/supergraph.graphql by default). */
    supergraphPath: string;
    /** Deadline of one GraphQL request, every subgraph and producer call included, in ms (default 5000). */
    requestTimeoutMs: number;
    /** On SIGTERM/SIGINT, how long requests in flight may finish before the process exits, in ms (default 10000). */
    shutdownGraceMs: number;
    /**
     * Browser origins allowed to call /graphql and /sdl: exact origins, or loopback with any port
     * (`http://localhost:*`). None by default: no page on another origin may read an answer.
     */
    cors: { allowedOrigins: readonly string[] };
    /** How long the attendance subgraph remembers an Idempotency-Key and its write's result, in s (default 86400). */
    idempotencyTtlSeconds: number;
  };
  subgraphs: Record<ProducerName, SubgraphEndpoint>;
  /** Where the change feed's subgraph answers (`subgraphs.changes.url`), if one runs. */
  changesSubgraphUrl?: string;
  /** The change feed's process (`subgraphs.changes`): only in a config resolved for it, or for every process. */
  changes?: ChangesProcessConfig;
  /** The producers this process calls that the municipality has (a producer it does not call is never here, its secrets unread). */
  producers: SourcesConfig;
  /** The process this config was resolved for; undefined: every producer (the embedded stack, tests). */
  process: ProcessName | undefined;
  /** The producers this process calls (producer-calls.ts): source clients are built for these only. */
  calls: readonly ProducerName[];
  /** Check producer payloads against the SS 12000 schemas. */
  validatePayloads: boolean;
  /** Who may sign in to the console and its admin API; nobody when absent. */
  admin?: AdminFile;
}
