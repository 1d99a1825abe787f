// Hive Gateway over the committed supergraph with the useSs12000Gateway plugin, served by node:http next
// to the same /healthz, /readyz and /metrics as the Apollo gateway. The subgraph URLs in the supergraph
// are placeholders (schema-files.ts): each is overridden with the configured one (transportEntries).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { createRateLimiter, type RateLimitStore } from '../gateway/rate-limit';
import { createSharedStore, type SharedStateConfig } from '../state';
import type { RunningServer } from '../gateway/subgraph-server';
import type { ListenConfig } from '../config/gateway-config';
import { logger } from '../config/logger';
import { adminResponse } from '../observability/admin-routes';
import { readinessOf, type ReadinessSources } from '../observability/readiness';
import type { ProducerName } from '../ss12000/resources';
import { useSs12000Gateway, type Ss12000GatewayOptions } from './plugin';

export interface HiveGatewayOptions extends Omit<Ss12000GatewayOptions, 'rateLimiter' | 'store'> {
  /** Each subgraph of the supergraph: the four producer domains and, when served, `changes`. */
  subgraphUrls: Record<ProducerName, string> & Partial<Record<string, string>>;
  listen: ListenConfig;
  /** Where the per-supplier rate-limit counters live (Redis when `redisUrl` is given, else memory). */
  rateLimit?: RateLimitStore;
  /** Where APQ registrations live, shared with the other replicas (Redis when `redisUrl` is given, else memory). */
  sharedState?: SharedStateConfig;
  /** Bearer token of GET /metrics; not served without one. */
  metricsToken?: string;
  /** The producers' circuit breakers, for GET /readyz. */
  breakers?: ReadinessSources['breakers'];
  /** Hive's own log level (its logger is not pino); false: none. */
  hiveLogging?: 'debug' | 'info' | 'warn' | 'error' | false;
}

const listening = (server: Server, listen: ListenConfig): Promise<string> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      resolve(`http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${port}/graphql`);
    });
  });

export async function startHiveGateway(options: HiveGatewayOptions): Promise<RunningServer> {
  const rateLimiter = createRateLimiter(options.rateLimit);
  await rateLimiter.connect();
  const store = createSharedStore(options.sharedState);
  await store.connect();
  const runtime: GatewayRuntime = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    transportEntries: Object.fromEntries(Object.entries(options.subgraphUrls).map(([name, url]) => [name, { location: url }])),
    plugins: () => useSs12000Gateway({ ...options, rateLimiter, store }),
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    logging: options.hiveLogging ?? 'warn',
  });
  // Hive loads the supergraph at the first request; loaded now, a bad file stops the start, and GET /sdl
  // has the schema from the first request on (onSchemaChange).
  await Promise.resolve(runtime.getSchema()).catch(async (error: unknown) => {
    await runtime.dispose();
    await rateLimiter.close();
    await store.close();
    throw error;
  });
  const readiness = options.breakers && readinessOf({ breakers: options.breakers, organisationTreeKnown: options.organisationTreeKnown });
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    adminResponse(request, pathname, options.metricsToken, readiness)
      .then((admin) => {
        if (!admin) return runtime(request, response);
        response.writeHead(admin.status, { 'content-type': admin.contentType, ...admin.headers });
        response.end(admin.body);
        return undefined;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'request failed outside GraphQL');
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end('{"errors":[{"message":"Unexpected error.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}');
      });
  });
  server.keepAliveTimeout = 65_000;
  const url = await listening(server, options.listen).catch(async (error: unknown) => {
    await runtime.dispose();
    await rateLimiter.close();
    await store.close();
    throw error;
  });
  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await runtime.dispose();
      await rateLimiter.close();
      await store.close();
    },
  };
}
