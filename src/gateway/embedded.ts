// The embedded default: demo producers over a generated municipality, the four subgraphs and the
// gateway, all on loopback. `npm start` and the e2e tests both run exactly this.
import type { Logger } from 'pino';
import { DEFAULT_SUPPLIERS_PATH } from '../config/paths';
import { DEFAULT_MAX_LOOKUP_KEYS, startProducers, type RunningProducers } from '../demo/producers';
import type { Dataset } from '../demo/dataset';
import type { ListenConfig } from '../config/gateway-config';
import { createSourceClients, fetchOrganisationTree, type ProducerConfig, type SourcesConfig } from '../sources';
import { PRODUCERS, type ProducerName } from '../ss12000/resources';
import { composeSupergraph } from './compose';
import { startGatewayServer } from './gateway-server';
import { startSubgraphServer, type RunningServer } from './subgraph-server';
import { generateCallerSecret, startSupplierAuth } from './supplier-auth';
import { buildSubgraphSchemas, subgraphSdl } from './subgraphs';

export type ProducerTuning = Pick<ProducerConfig, 'timeoutMs' | 'maxBatchSize' | 'pageSize' | 'maxConcurrency' | 'summarySource'>;

export interface EmbeddedOptions {
  dataset: Dataset;
  /** Gateway address; port 0 = random. Default 127.0.0.1:0. */
  gateway?: Partial<ListenConfig>;
  /** How the sources talk to the demo producers. */
  tuning?: Partial<ProducerTuning>;
  /** Most keys one demo-producer lookup accepts (more is a 503). */
  maxLookupKeys?: number;
  validatePayloads?: boolean;
  /** Suppliers file (default config/suppliers.yaml), watched for changes. */
  suppliersPath?: string;
  /** Gateway↔subgraph signing secret; a random one when not given. */
  callerSecret?: string;
  /** TEST/BENCHMARK ONLY: 'off' serves every field to every authenticated caller. */
  fieldPermissions?: 'enforce' | 'off';
  /** Where the gateway's audit lines go (default stdout). */
  audit?: Logger;
}

export interface EmbeddedStack {
  gatewayUrl: string;
  subgraphUrls: Record<ProducerName, string>;
  producers: RunningProducers['producers'];
  /** The signing secret subgraphs verify (tests sign their own direct subgraph requests with it). */
  callerSecret: string;
  close(): Promise<void>;
}

// Lookups as large as the demo producers accept, so a reference level of up to that many ids is one request.
export const DEMO_TUNING: ProducerTuning = { timeoutMs: 5_000, maxBatchSize: DEFAULT_MAX_LOOKUP_KEYS, pageSize: 100, maxConcurrency: 8 };
const LOOPBACK: ListenConfig = { host: '127.0.0.1', port: 0 };

export async function startEmbeddedStack(options: EmbeddedOptions): Promise<EmbeddedStack> {
  const closers: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    // Front to back: gateway, then subgraphs, then what they call.
    for (const closeOne of closers.reverse()) await closeOne();
  };
  try {
    const running = await startProducers({ dataset: options.dataset, maxLookupKeys: options.maxLookupKeys });
    closers.push(() => running.close());
    // A lower producer limit lowers the batches with it, unless the caller sets them.
    const tuning = { ...DEMO_TUNING, maxBatchSize: options.maxLookupKeys ?? DEMO_TUNING.maxBatchSize, ...options.tuning };
    const config = Object.fromEntries(
      PRODUCERS.map((name) => [name, { ...tuning, baseUrl: running.producers[name].url, auth: { kind: 'bearer', token: running.producers[name].token } }]),
    ) as SourcesConfig;
    const sourceClients = createSourceClients(config, { validatePayloads: options.validatePayloads ?? true });
    closers.push(() => sourceClients.close());
    const callerSecret = options.callerSecret ?? generateCallerSecret();
    const auth = await startSupplierAuth(options.suppliersPath ?? DEFAULT_SUPPLIERS_PATH, () => fetchOrganisationTree(sourceClients));
    closers.push(async () => auth.close());
    const schemas = await buildSubgraphSchemas();
    const subgraphs = {} as Record<ProducerName, RunningServer>;
    for (const name of PRODUCERS) {
      subgraphs[name] = await startSubgraphServer({
        name,
        schema: schemas[name],
        sourceClients,
        listen: LOOPBACK,
        callerSecret,
        fieldPermissions: options.fieldPermissions,
      });
      closers.push(() => subgraphs[name].close());
    }
    const subgraphUrls = Object.fromEntries(PRODUCERS.map((name) => [name, subgraphs[name].url])) as Record<ProducerName, string>;
    const supergraphSdl = composeSupergraph(PRODUCERS.map((name) => ({ name, url: subgraphUrls[name], sdl: subgraphSdl(schemas[name]) })));
    const gateway = await startGatewayServer({
      supergraphSdl,
      subgraphUrls,
      listen: { ...LOOPBACK, ...options.gateway },
      authenticator: auth.authenticator,
      callerSecret,
      audit: options.audit,
    });
    closers.push(() => gateway.close());
    return { gatewayUrl: gateway.url, subgraphUrls, producers: running.producers, callerSecret, close };
  } catch (error) {
    await close();
    throw error;
  }
}
