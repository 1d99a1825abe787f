// Which gateway engine the e2e stack puts in front of the subgraphs: the Apollo gateway (src/gateway)
// or Hive Gateway with the useSs12000Gateway plugin (src/hive). The same scenario files run against
// either: test/hive/*.test.ts choose Hive before loading them, and GATEWAY_ENGINE=hive runs any e2e file
// on Hive (`GATEWAY_ENGINE=hive npx jest test/auth-e2e/contract.test.ts`).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load-config';
import type { RunningProducers } from '../../src/demo/producers';
import type { RateLimitStore } from '../../src/gateway/rate-limit';
import type { RunningServer } from '../../src/gateway/subgraph-server';
import { startDeployedHiveGateway } from '../../src/hive/deployed';
import type { ProducerName } from '../../src/ss12000/resources';

export type GatewayEngine = 'apollo' | 'hive';

let chosen: GatewayEngine | undefined;

/** The engine of every stack this test file starts from now on. */
export const useGatewayEngine = (engine: GatewayEngine): void => {
  chosen = engine;
};

export const gatewayEngine = (): GatewayEngine => chosen ?? (process.env['GATEWAY_ENGINE'] === 'hive' ? 'hive' : 'apollo');

export interface HiveFront {
  producers: RunningProducers['producers'];
  subgraphUrls: Record<ProducerName, string>;
  callerSecret: string;
  suppliersPath: string;
  audit: Logger;
  rateLimit?: RateLimitStore;
  requestTimeoutMs: number;
}

/**
 * Hive Gateway as it is deployed (src/hive/deployed.ts, what `npm run hive` runs): a gateway.yaml naming
 * the running subgraphs and the register producer (the organisation tree), the committed supergraph.
 */
export async function startHiveFront(front: HiveFront): Promise<RunningServer> {
  // @graphql-hive/logger reads LOG_LEVEL too, and throws on pino's 'silent' (quiet-logs.ts sets it):
  // by now our pino logger has its level, so Hive gets the nearest one it accepts.
  if (process.env['LOG_LEVEL'] === 'silent' || process.env['LOG_LEVEL'] === 'fatal') process.env['LOG_LEVEL'] = 'error';
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'hive-gateway-')), 'gateway.yaml');
  const unused = { baseUrl: 'https://unused.example.se', auth: { kind: 'bearer', token: 'unused' } };
  await writeFile(
    file,
    stringify({
      gateway: { host: '127.0.0.1', port: 0, requestTimeoutMs: front.requestTimeoutMs },
      subgraphs: Object.fromEntries(Object.entries(front.subgraphUrls).map(([name, url]) => [name, { url }])),
      producers: {
        register: { baseUrl: front.producers.register.url, auth: { kind: 'bearer', token: '${REGISTER_TOKEN}' } },
        schedule: unused,
        attendance: unused,
        grades: unused,
      },
    }),
  );
  const config = await loadConfig(file, { REGISTER_TOKEN: front.producers.register.token }, 'gateway');
  return startDeployedHiveGateway(config, {
    suppliersPath: front.suppliersPath,
    callerSecret: front.callerSecret,
    rateLimit: front.rateLimit,
    audit: front.audit,
    hiveLogging: false,
  });
}
