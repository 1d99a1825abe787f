// Sends queued webhook notifications to suppliers, signed (webhook-body.ts), with retries: a failed
// attempt (connect error, timeout, non-2xx) is tried again after an exponential, jittered backoff
// (cockatiel's), up to `maxAttempts`, then given up and counted. Attempts are recorded in the store,
// so a restart resumes the schedule where the last process left it.
import { ExponentialBackoff } from 'cockatiel';
import { request } from 'undici';
import type { SuppliersConfig } from '../auth';
import { logger } from '../config/logger';
import { supplierWebhookAttempts } from '../observability/metrics';
import type { ChangeStore } from './store';
import type { Delivery } from './types';
import { signWebhook } from './webhook-body';

export interface DeliveryOptions {
  store: ChangeStore;
  suppliers: () => SuppliersConfig;
  /** Environment variables, for the webhook secrets' `${NAME}` references. */
  variables: Readonly<Record<string, string | undefined>>;
  /** How often due deliveries are looked for, in ms. */
  tickMs: number;
  /** First retry delay, in ms; doubles (with jitter) up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Attempts before a notification is given up. */
  maxAttempts: number;
  /** One attempt's timeout, in ms. */
  timeoutMs: number;
}

// A delivery taken by one process is not taken by another for this long (PostgreSQL, several replicas).
const LEASE_MS = 60_000;
const PER_TICK = 20;

export class Deliverer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  private readonly backoff: ExponentialBackoff<unknown>;

  constructor(private readonly options: DeliveryOptions) {
    this.backoff = new ExponentialBackoff({ initialDelay: options.initialDelayMs, maxDelay: options.maxDelayMs });
  }

  start(): void {
    this.schedule();
  }

  /** Looks for due deliveries now (after a notification was queued). */
  kick(): void {
    if (!this.closed) void this.tick();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.tick().finally(() => this.schedule()), this.options.tickMs);
    this.timer.unref();
  }

  private tick(): Promise<void> {
    this.running ??= (async () => {
      try {
        for (;;) {
          const due = await this.options.store.due(PER_TICK, LEASE_MS);
          await Promise.all(due.map((delivery) => this.attempt(delivery)));
          if (due.length < PER_TICK || this.closed) return;
        }
      } catch (error) {
        logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'webhook deliveries could not be read');
      }
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** The delay before attempt `attempts + 1`, from cockatiel's decorrelated-jitter exponential backoff. */
  private delayAfter(attempts: number): number {
    let step = this.backoff.next();
    for (let i = 1; i < attempts; i++) step = step.next(undefined);
    return step.duration;
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { store } = this.options;
    const webhook = this.options.suppliers().byName.get(delivery.supplier)?.webhook;
    const secret = webhook && this.options.variables[webhook.secretVariable];
    if (webhook === undefined || !secret) {
      supplierWebhookAttempts.inc({ supplier: delivery.supplier, outcome: 'given_up' });
      logger.warn(
        { supplier: delivery.supplier },
        'webhook notification given up: the supplier has no webhook or its secret variable is not set',
      );
      await store.failed(delivery.id, 'no webhook configured', undefined);
      return;
    }
    let failure: string;
    try {
      const response = await request(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signWebhook(secret, delivery.body, Math.floor(Date.now() / 1000)) },
        body: delivery.body,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      await response.body.dump();
      if (response.statusCode >= 200 && response.statusCode < 300) {
        supplierWebhookAttempts.inc({ supplier: delivery.supplier, outcome: 'delivered' });
        await store.delivered(delivery.id);
        return;
      }
      failure = `answered ${response.statusCode}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const attempts = delivery.attempts + 1;
    const giveUp = attempts >= this.options.maxAttempts;
    supplierWebhookAttempts.inc({ supplier: delivery.supplier, outcome: giveUp ? 'given_up' : 'failed' });
    logger.info({ supplier: delivery.supplier, attempts, reason: failure, giveUp }, 'webhook delivery failed');
    await store.failed(delivery.id, failure, giveUp ? undefined : new Date(Date.now() + this.delayAfter(attempts)));
  }
}
