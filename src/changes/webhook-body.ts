// What a supplier's webhook receives: the SS 12000 callback body, so a supplier subscribes to the
// gateway exactly as to a producer, then reads `changes(since:)` for the ids. Both spellings of the
// list are sent: the spec's `modifiedEntites` and `modifiedEntities` (Skolverket's reference API),
// so a receiver written for either reads it.
import { createHmac } from 'node:crypto';
import type { ChangeRecord } from './types';

export const SIGNATURE_HEADER = 'x-ss12000-signature';
export const TIMESTAMP_HEADER = 'x-ss12000-timestamp';

/** The body for these (already visible) entries, or undefined when there is nothing to tell. */
export function webhookBody(entries: readonly ChangeRecord[]): string | undefined {
  if (entries.length === 0) return undefined;
  const modified = [...new Set(entries.filter((entry) => entry.change === 'MODIFIED').map((entry) => entry.type))].sort();
  const deleted = entries.some((entry) => entry.change === 'DELETED');
  return JSON.stringify({ modifiedEntites: modified, modifiedEntities: modified, deletedEntities: deleted });
}

/**
 * `x-ss12000-signature: sha256=<hex>`, the HMAC-SHA256 under the supplier's secret of
 * `<timestamp>.<body>` (`x-ss12000-timestamp`, Unix seconds): the receiver recomputes it and refuses
 * old timestamps, so a captured notification cannot be replayed later.
 */
export function signWebhook(secret: string, body: string, timestamp: number): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: `sha256=${signature}` };
}
