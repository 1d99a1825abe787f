// /subscriptions and webhook delivery. A change POSTs `{modifiedEntites, deletedEntities}`
// (the spec's spelling) to every live subscription that asked for one of the changed types.
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import type * as W from '../../ss12000/wire';
import { validatorFor } from '../../ss12000/spec-validator';
import { badRequest, notFound } from './errors';

const VALIDITY_MS = 7 * 24 * 3600 * 1000;
const DELIVERY_TIMEOUT_MS = 5000;

export type DeliveryFailure = (target: string, error: unknown) => void;

export class Subscriptions {
  private readonly byId = new Map<string, W.Subscription>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onFailure: DeliveryFailure) {}

  create(body: unknown): W.Subscription {
    const check = validatorFor('CreateSubscription')(body);
    if (!check.ok) throw badRequest(`Invalid subscription: ${check.errors}`);
    const { name, target, resourceTypes } = body as W.CreateSubscription;
    if (!/^https?:\/\//.test(target) || !URL.canParse(target)) throw badRequest('target must be an http(s) URL');
    const subscription: W.Subscription = {
      id: randomUUID(),
      expires: new Date(Date.now() + VALIDITY_MS).toISOString(),
      name,
      target,
      resourceTypes,
    };
    this.byId.set(subscription.id, subscription);
    return subscription;
  }

  list(): W.Subscription[] {
    return [...this.byId.values()];
  }

  get(id: string): W.Subscription {
    const found = this.byId.get(id);
    if (!found) throw notFound(`No subscription with id ${id}`);
    return found;
  }

  /** PATCH renews: the spec defines no body, so a renewal runs a full validity period from now. */
  renew(id: string): W.Subscription {
    const renewed = { ...this.get(id), expires: new Date(Date.now() + VALIDITY_MS).toISOString() };
    this.byId.set(id, renewed);
    return renewed;
  }

  delete(id: string): void {
    if (!this.byId.delete(id)) throw notFound(`No subscription with id ${id}`);
  }

  /** Fire and forget: a slow or failing receiver never holds up or breaks the producer. */
  notify(entities: readonly string[], deleted: boolean): void {
    const now = Date.now();
    for (const s of this.byId.values()) {
      if (Date.parse(s.expires) < now) continue;
      const types = s.resourceTypes.map((t) => t.resource as string);
      const changed = entities.filter((e) => types.includes(e));
      if (changed.length === 0) continue;
      const delivery = this.deliver(s.target, { modifiedEntites: changed, deletedEntities: deleted });
      this.pending.add(delivery);
      void delivery.finally(() => this.pending.delete(delivery));
    }
  }

  /** Resolves when every delivery started so far has finished (or failed). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async deliver(target: string, body: object): Promise<void> {
    try {
      const res = await request(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        headersTimeout: DELIVERY_TIMEOUT_MS,
        bodyTimeout: DELIVERY_TIMEOUT_MS,
      });
      await res.body.dump();
      if (res.statusCode >= 400) this.onFailure(target, new Error(`receiver answered ${res.statusCode}`));
    } catch (error) {
      this.onFailure(target, error);
    }
  }
}
