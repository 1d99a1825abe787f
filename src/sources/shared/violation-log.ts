// Where a producer's departures from SS 12000 are told: every one counted in Prometheus
// (`producer_payload_violations_total{producer,path,rule}`), and logged once per (producer, route,
// JSON pointer, rule) under a per-producer rate limit, so one broken field in 100,000 rows is one line,
// not 100,000. Lines name the producer, route template, pointer, rule and what was done with the
// row, never a value of the payload (those can be civic numbers and names).
import { logger } from '../../config/logger';
import { producerPayloadViolations } from '../../observability/metrics';
import type { ProducerName } from '../../ss12000/resources';

/** What the gateway did about it: served the row as read, left the row out, or served a person as protected. */
export type ViolationAction = 'served' | 'dropped' | 'field-null' | 'protected';

export interface Violation {
  readonly producer: ProducerName;
  /** Route template, e.g. `GET /persons`. */
  readonly path: string;
  /** JSON pointer inside the row, e.g. `/enrolments/0/startDate` ('' for the row itself). */
  readonly pointer: string;
  /** Which tolerance rule applied (closed set: see tolerant-reader.ts). */
  readonly rule: string;
  readonly action: ViolationAction;
  /** The row's position in the producer's answer (`data[3]` → 3). */
  readonly position?: number;
}

/** The logger the lines go to (tests spy on its `warn`). */
export const payloadLog = logger.child({ component: 'producer-payload' });

/** Lines per producer per minute, after which departures are only counted. */
export const LINES_PER_MINUTE = 100;
/** Distinct (producer, route, pointer) keys remembered; beyond this, new ones are only counted. */
const MAX_KEYS = 10_000;

const logged = new Set<string>();
const buckets = new Map<ProducerName, { tokens: number; refilledAt: number }>();

const takeToken = (producer: ProducerName, now: number): boolean => {
  let bucket = buckets.get(producer);
  if (bucket === undefined || now - bucket.refilledAt >= 60_000) {
    bucket = { tokens: LINES_PER_MINUTE, refilledAt: now };
    buckets.set(producer, bucket);
  }
  if (bucket.tokens <= 0) return false;
  bucket.tokens -= 1;
  return true;
};

export function reportViolation(violation: Violation): void {
  producerPayloadViolations.inc({ producer: violation.producer, path: violation.path, rule: violation.rule });
  const key = `${violation.producer}\u0000${violation.path}\u0000${violation.pointer}\u0000${violation.rule}`;
  if (logged.has(key) || logged.size >= MAX_KEYS || !takeToken(violation.producer, Date.now())) return;
  logged.add(key);
  payloadLog.warn(
    {
      producer: violation.producer,
      path: violation.path,
      pointer: violation.pointer,
      rule: violation.rule,
      action: violation.action,
      ...(violation.position === undefined ? {} : { position: violation.position }),
    },
    'producer payload departs from SS 12000',
  );
}

/** TESTS ONLY: forget what was logged, refill the rate limits. */
export function resetViolationLog(): void {
  logged.clear();
  buckets.clear();
}
