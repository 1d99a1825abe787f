// The change feed's moving parts in one process (the gateway's): the store, a watch per producer
// (subscription or polling, both through the one catch-up), the webhook receiver, and the
// per-supplier dispatcher and deliverer. `start(publicUrl)` runs once the gateway listens, so the
// subscriptions can name its address.
import type { Caller, SuppliersConfig } from '../auth';
import { logger } from '../config/logger';
import type { SourceClients } from '../sources';
import { PRODUCERS, type ProducerName } from '../ss12000/resources';
import { CatchUp } from './catch-up';
import { ChangeCursors } from './cursor';
import { Deliverer, type DeliveryOptions } from './delivery';
import { Dispatcher } from './dispatcher';
import {
  NOTIFICATIONS_PATH,
  receiveNotification,
  type NotificationAnswer,
  type NotificationAuth,
  type NotificationRequest,
} from './notifications';
import { ProducerWatch, type WatchTiming } from './producer-watch';
import type { ChangeStore } from './store';

export interface ChangeTiming
  extends WatchTiming, Pick<DeliveryOptions, 'tickMs' | 'initialDelayMs' | 'maxDelayMs' | 'maxAttempts' | 'timeoutMs'> {
  /** How often the dispatcher looks at the log without being told of new entries, in ms. */
  dispatchEveryMs: number;
}

export const DEFAULT_CHANGE_TIMING: ChangeTiming = {
  pollIntervalMs: 30_000,
  safetyPollMs: 5 * 60_000,
  dispatchEveryMs: 10_000,
  tickMs: 1_000,
  initialDelayMs: 1_000,
  maxDelayMs: 10 * 60_000,
  maxAttempts: 15,
  timeoutMs: 10_000,
};

export interface ChangeServiceOptions {
  store: ChangeStore;
  sourceClients: SourceClients;
  /** How each producer's notifications are verified; a producer without one is polled, never subscribed to. */
  notificationAuth: Partial<Record<ProducerName, NotificationAuth>>;
  suppliers: () => SuppliersConfig;
  callerOf: (supplier: string) => Caller | undefined;
  /** Environment variables: the suppliers' webhook secrets are `${NAME}` references into them. */
  variables: Readonly<Record<string, string | undefined>>;
  /** Key of the feed's cursor seals: the same in every process of a deployment (ALIAS_SECRET). */
  cursorSecret?: string;
  timing?: Partial<ChangeTiming>;
}

export interface ChangeService {
  readonly store: ChangeStore;
  readonly cursors: ChangeCursors;
  /** Starts watching the producers; `publicUrl`: the gateway's base URL as producers reach it (undefined: poll only). */
  start(publicUrl: string | undefined): Promise<void>;
  /** POST /ss12000/notifications/<producer>, verified before anything else. */
  receive(request: NotificationRequest): NotificationAnswer;
  /** How each watched producer's changes are learned. */
  modes(): Partial<Record<ProducerName, 'subscription' | 'polling'>>;
  close(): Promise<void>;
}

export function startChangeService(options: ChangeServiceOptions): ChangeService {
  const timing = { ...DEFAULT_CHANGE_TIMING, ...options.timing };
  const { store } = options;
  const deliverer = new Deliverer({ store, suppliers: options.suppliers, variables: options.variables, ...timing });
  const dispatcher = new Dispatcher({
    store,
    sourceClients: options.sourceClients,
    suppliers: options.suppliers,
    callerOf: options.callerOf,
    onQueued: () => deliverer.kick(),
  });
  const catchUps = new Map<ProducerName, CatchUp>();
  const watches = new Map<ProducerName, ProducerWatch>();
  let dispatchTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const scheduleDispatch = (): void => {
    if (closed) return;
    dispatchTimer = setTimeout(() => void dispatcher.run().finally(scheduleDispatch), timing.dispatchEveryMs);
    dispatchTimer.unref();
  };

  return {
    store,
    cursors: new ChangeCursors(options.cursorSecret),
    async start(publicUrl) {
      for (const producer of PRODUCERS) {
        const source = options.sourceClients.changes(producer);
        if (source === undefined) continue;
        const catchUp = new CatchUp(store, source, () => void dispatcher.run());
        const auth = options.notificationAuth[producer];
        const target =
          publicUrl === undefined || auth === undefined
            ? undefined
            : `${new URL(`${NOTIFICATIONS_PATH.slice(1)}${producer}`, publicUrl).toString()}${auth.kind === 'token' ? `?token=${encodeURIComponent(auth.token)}` : ''}`;
        const watch = new ProducerWatch(source, catchUp, store, target, timing);
        catchUps.set(producer, catchUp);
        watches.set(producer, watch);
        await watch.start();
      }
      // A restart resumes deliveries queued (or moved to a retry) before it.
      deliverer.start();
      void dispatcher.run();
      scheduleDispatch();
    },
    receive: (request) =>
      receiveNotification(
        request,
        (producer) => (catchUps.has(producer as ProducerName) ? options.notificationAuth[producer as ProducerName] : undefined),
        (producer, notification) => {
          void catchUps.get(producer as ProducerName)?.run(notification.entities, notification.deleted);
        },
      ),
    modes: () => Object.fromEntries([...watches].map(([producer, watch]) => [producer, watch.mode])),
    async close() {
      closed = true;
      clearTimeout(dispatchTimer);
      await Promise.all([...watches.values()].map((watch) => watch.close()));
      await dispatcher.stop();
      await deliverer.close();
      await store.close();
      logger.debug('change feed closed');
    },
  };
}
