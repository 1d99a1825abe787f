// Webhooks from producers: POST /ss12000/notifications/<producer>. Answered before any supplier
// authentication: a producer is not a supplier. It is verified instead, by what is configured for it:
// a shared token in the subscription's target URL (SS 12000 producers sign nothing, so the URL the
// gateway registered is the secret), or an HMAC-SHA256 of the body in `x-ss12000-signature`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { logger } from '../config/logger';
import { producerNotifications } from '../observability/metrics';

export const NOTIFICATIONS_PATH = '/ss12000/notifications/';
export const PRODUCER_SIGNATURE_HEADER = 'x-ss12000-signature';

/** How a producer's notifications are verified. */
export type NotificationAuth = { readonly kind: 'token'; readonly token: string } | { readonly kind: 'hmac'; readonly secret: string };

/** What a verified notification asks for: the entity names to read again, and whether deletions are to be read. */
export interface Notification {
  readonly entities: readonly string[];
  readonly deleted: boolean;
}

export interface NotificationAnswer {
  readonly status: number;
  readonly body: string;
}

const answer = (status: number, code: string, message: string): NotificationAnswer => ({
  status,
  body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
});

const sameSecret = (given: string, expected: string): boolean => {
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b);
};

const verified = (auth: NotificationAuth | undefined, url: URL, headers: IncomingHttpHeaders, body: string): boolean => {
  if (auth === undefined) return false;
  if (auth.kind === 'token') return sameSecret(url.searchParams.get('token') ?? '', auth.token);
  const header = headers[PRODUCER_SIGNATURE_HEADER];
  const given = typeof header === 'string' ? header.replace(/^sha256=/, '') : '';
  return sameSecret(given, createHmac('sha256', auth.secret).update(body).digest('hex'));
};

/**
 * The spec's callback body: `{modifiedEntites, deletedEntities}`. The spec spells it `modifiedEntites`;
 * Skolverket's reference API sends `modifiedEntities`: both are read (and merged when both come).
 */
export function parseNotification(body: unknown): Notification | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const given = body as Record<string, unknown>;
  const lists = [given['modifiedEntites'], given['modifiedEntities']].filter((list) => list !== undefined);
  if (lists.some((list) => !Array.isArray(list) || list.some((entry) => typeof entry !== 'string'))) return undefined;
  const deleted = given['deletedEntities'];
  if (deleted !== undefined && typeof deleted !== 'boolean') return undefined;
  return { entities: [...new Set((lists as string[][]).flat())], deleted: deleted === true };
}

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
};

export interface NotificationRequest {
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * The answer to one notification request. Unknown producer and bad token or signature are the same
 * 401 (nothing tells a prober which producers exist); a verified but malformed body is 400.
 */
export function receiveNotification(
  request: NotificationRequest,
  auth: (producer: string) => NotificationAuth | undefined,
  notify: (producer: string, notification: Notification) => void,
): NotificationAnswer {
  // A name that does not decode names no producer (refused below like any unknown one), never a 500.
  const producer = safeDecode(request.url.pathname.slice(NOTIFICATIONS_PATH.length));
  if (!verified(auth(producer), request.url, request.headers, request.body)) {
    producerNotifications.inc({ producer: auth(producer) === undefined ? 'unknown' : producer, outcome: 'refused' });
    return answer(401, 'UNAUTHENTICATED', 'Unknown producer, or the notification is not signed as configured.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    parsed = undefined;
  }
  const notification = parseNotification(parsed);
  if (notification === undefined) {
    producerNotifications.inc({ producer, outcome: 'invalid' });
    logger.warn({ producer }, 'producer notification is not an SS 12000 subscription event');
    return answer(400, 'BAD_REQUEST', 'Expected {"modifiedEntites": [...], "deletedEntities": boolean}.');
  }
  producerNotifications.inc({ producer, outcome: 'accepted' });
  notify(producer, notification);
  return { status: 200, body: '{}' };
}
