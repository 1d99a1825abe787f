// The four demo SS 12000 producers (register, schedule, attendance, grades) as real HTTP
// servers over one synthetic municipality.
import type { AddressInfo } from 'node:net';
import { logger as projectLogger } from '../../config/logger';
import type { Dataset } from '../dataset';
import { PRODUCERS, RESOURCES, resourcesOf, type ProducerName, type ResourceName } from '../../ss12000/resources';
import { DeletionLog } from './deletions';
import { NO_FAULTS, mergeFaults, type FaultSettings } from './faults';
import { Indexes } from './indexes';
import { PathEngine } from './path-engine';
import type { EngineContext, PathDef } from './path-def';
import { ATTENDANCE_PATHS } from './paths/attendance';
import { GRADES_PATHS } from './paths/grades';
import { REGISTER_PATHS } from './paths/register';
import { SCHEDULE_PATHS } from './paths/schedule';
import { ProducerServer } from './producer-server';
import { producerRoutes } from './routes';
import type { ProducerStats } from './stats';
import { Subscriptions } from './subscriptions';

export type { FaultSettings } from './faults';
export type { ProducerStats } from './stats';

export interface RunningProducer {
  readonly name: ProducerName;
  /** Base URL, no trailing slash, e.g. http://127.0.0.1:4101 */
  readonly url: string;
  readonly token: string;
  setFaults(faults: Partial<FaultSettings>): void;
  stats(): ProducerStats;
  /** The distinct trace ids (W3C `traceparent`) requests arrived with since the last reset, oldest first. */
  traceIds(): string[];
  resetStats(): void;
  close(): Promise<void>;
}

export interface ProducersOptions {
  dataset: Dataset;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 or absent = a random free port. */
  ports?: Partial<Record<ProducerName, number>>;
  /** Default `demo-<name>-token`. */
  tokens?: Partial<Record<ProducerName, string>>;
  /** Keys one lookup may ask for (summed over its body fields); more is a 503. Default DEFAULT_MAX_LOOKUP_KEYS. */
  maxLookupKeys?: number;
  faults?: Partial<Record<ProducerName, Partial<FaultSettings>>>;
}

export interface RunningProducers {
  readonly producers: Record<ProducerName, RunningProducer>;
  close(): Promise<void>;
}

/** Most keys one demo lookup accepts unless told otherwise; clients batch up to this. */
export const DEFAULT_MAX_LOOKUP_KEYS = 1000;

const PATHS: Record<ProducerName, PathDef[]> = {
  register: REGISTER_PATHS,
  schedule: SCHEDULE_PATHS,
  attendance: ATTENDANCE_PATHS,
  grades: GRADES_PATHS,
};

export async function startProducers(options: ProducersOptions): Promise<RunningProducers> {
  const host = options.host ?? '127.0.0.1';
  const maxLookupKeys = options.maxLookupKeys ?? DEFAULT_MAX_LOOKUP_KEYS;
  if (!Number.isInteger(maxLookupKeys) || maxLookupKeys < 1) throw new RangeError('maxLookupKeys must be a positive integer');
  const ctx: EngineContext = { ds: options.dataset, indexes: new Indexes(options.dataset) };
  const engines = PRODUCERS.flatMap((p) => PATHS[p].map((def) => ({ producer: p, engine: new PathEngine(def, ctx) })));
  const started: RunningProducer[] = [];
  try {
    for (const name of PRODUCERS) {
      started.push(await startOne(name, { ...options, host, maxLookupKeys }, ctx, engines));
    }
  } catch (error) {
    await Promise.all(started.map((p) => p.close()));
    throw error;
  }
  const producers = Object.fromEntries(started.map((p) => [p.name, p])) as Record<ProducerName, RunningProducer>;
  return { producers, close: async () => void (await Promise.all(started.map((p) => p.close()))) };
}

async function startOne(
  name: ProducerName,
  options: ProducersOptions & { host: string; maxLookupKeys: number },
  ctx: EngineContext,
  engines: readonly { producer: ProducerName; engine: PathEngine }[],
): Promise<RunningProducer> {
  // The project's logger (LOG_LEVEL, quiet in tests); a target's query string may hold its token: left out.
  const logger = projectLogger.child({ name: `producer-${name}` });
  const token = options.tokens?.[name] ?? `demo-${name}-token`;
  const subscriptions = new Subscriptions((target, error) =>
    logger.warn({ target: target.split('?')[0], err: error }, 'webhook delivery failed'),
  );
  const deletions = new DeletionLog(resourcesOf(name).map((r) => RESOURCES[r].deletedEntityName));
  const effects = {
    changed: (resource: ResourceName, entity: string, id: string, deleted: boolean) => {
      // Any write can change what another path's filters or aggregates answer.
      ctx.indexes.invalidate(resource);
      if (deleted) deletions.record(entity, id);
      subscriptions.notify([entity], deleted);
    },
  };
  const router = producerRoutes({
    producer: name,
    ds: options.dataset,
    engines: engines.filter((e) => e.producer === name).map((e) => e.engine),
    deletions,
    subscriptions,
    effects,
    maxLookupKeys: () => options.maxLookupKeys,
  });
  const server = new ProducerServer({ name, token, router, logger, faults: mergeFaults(NO_FAULTS, options.faults?.[name] ?? {}) });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.server.listen(options.ports?.[name] ?? 0, options.host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    name,
    url: `http://${urlHost}:${port}`,
    token,
    setFaults: (faults) => server.setFaults(faults),
    stats: () => server.stats.snapshot(),
    traceIds: () => server.stats.traceIds(),
    resetStats: () => server.stats.reset(),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.releaseWaiting();
        server.server.close(() => resolve());
        server.server.closeAllConnections();
      }).then(() => subscriptions.settled())),
  };
}
