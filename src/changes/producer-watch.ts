// One producer's changes reach the log: a subscription (created at start, renewed before it expires)
// whose notifications start a catch-up, or, where the producer offers no subscriptions (or refuses
// ours), a poll of the same catch-up every `pollIntervalMs`. Subscribed producers are polled too,
// rarely: a notification lost on the way costs a delay, never a change.
import { logger } from '../config/logger';
import type { ChangeSource } from '../sources';
import type { CatchUp } from './catch-up';
import type { ChangeStore } from './store';
import type { HeldSubscription } from './types';

export interface WatchTiming {
  /** Poll interval of producers without a subscription, in ms. */
  pollIntervalMs: number;
  /** Poll interval of subscribed producers (the safety net), in ms. */
  safetyPollMs: number;
}

/** The subscription's name at the producer. */
const SUBSCRIPTION_NAME = 'ss12000-gateway change feed';
const SUBSCRIBE_ATTEMPTS = 3;
const RESUBSCRIBE_MS = 60_000;
// Renew at half the remaining validity, but at least this often (timers beyond ~24 days overflow).
const MAX_RENEW_MS = 24 * 3600 * 1000;

export class ProducerWatch {
  private pollTimer: NodeJS.Timeout | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** How changes are learned: `subscription` or `polling`. */
  mode: 'subscription' | 'polling' = 'polling';

  constructor(
    private readonly source: ChangeSource,
    private readonly catchUp: CatchUp,
    private readonly store: ChangeStore,
    /** The URL the producer is to POST to (token included), or undefined: poll. */
    private readonly target: string | undefined,
    private readonly timing: WatchTiming,
  ) {}

  async start(): Promise<void> {
    await this.catchUp.start();
    if (this.source.offersSubscriptions && this.target !== undefined) await this.trySubscribe(this.target);
    logger.info({ producer: this.source.producer, mode: this.mode }, 'change feed watching producer');
    // What changed while no gateway listened (PostgreSQL keeps the watermarks across restarts).
    void this.catchUp.run();
    this.schedulePoll();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.pollTimer);
    clearTimeout(this.renewTimer);
    await this.catchUp.stop();
  }

  /**
   * Subscribes, trying again at once a few times (POST is not retried by the client, and a pooled
   * connection the producer just closed fails it); still failing, polls and tries again every minute.
   */
  private async trySubscribe(target: string): Promise<void> {
    let reason = '';
    for (let attempt = 0; attempt < SUBSCRIBE_ATTEMPTS && !this.closed; attempt++) {
      try {
        await this.subscribe(target);
        this.mode = 'subscription';
        return;
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
    }
    this.mode = 'polling';
    logger.warn({ producer: this.source.producer, reason }, 'could not subscribe to the producer; polling it instead');
    if (this.closed) return;
    this.renewTimer = setTimeout(() => void this.trySubscribe(target), RESUBSCRIBE_MS);
    this.renewTimer.unref();
  }

  private schedulePoll(): void {
    if (this.closed) return;
    const every = this.mode === 'subscription' ? this.timing.safetyPollMs : this.timing.pollIntervalMs;
    this.pollTimer = setTimeout(() => {
      void this.catchUp.run().finally(() => this.schedulePoll());
    }, every);
    this.pollTimer.unref();
  }

  /** Renews the subscription held for this target, or replaces one held for another (an old address). */
  private async subscribe(target: string): Promise<void> {
    const { producer } = this.source;
    const held = await this.store.subscription(producer);
    if (held !== undefined && held.target === target) {
      try {
        await this.hold(await this.source.renewSubscription(held.id), target);
        return;
      } catch {
        // Gone at the producer (expired, deleted): a new one below.
      }
    } else if (held !== undefined) {
      await this.source.deleteSubscription(held.id).catch(() => undefined);
    }
    const created = await this.source.createSubscription({
      name: SUBSCRIPTION_NAME,
      target,
      resourceTypes: this.source.entities.map((resource) => ({ resource })) as never,
    });
    await this.hold(created, target);
  }

  private async hold(subscription: { id: string; expires: string }, target: string): Promise<void> {
    const held: HeldSubscription = { id: subscription.id, target, expires: subscription.expires };
    await this.store.setSubscription(this.source.producer, held);
    const remaining = Date.parse(held.expires) - Date.now();
    const delay = Math.min(MAX_RENEW_MS, Math.max(1_000, remaining / 2));
    clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(() => void this.renew(target), delay);
    this.renewTimer.unref();
  }

  private async renew(target: string): Promise<void> {
    if (!this.closed) await this.trySubscribe(target);
  }
}
