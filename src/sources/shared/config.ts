// Fully resolved producer settings; user config files are validated into this shape elsewhere.
import type { ProducerName } from '../../ss12000/resources';

export type ProducerAuth =
  | { kind: 'bearer'; token: string }
  /** OAuth2 client-credentials grant, as EduCloud issues per-supplier keys. */
  | { kind: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string };

export interface ProducerConfig {
  baseUrl: string;
  auth: ProducerAuth;
  /**
   * One attempt of one HTTP request, in ms: the wait for a connection slot and the whole exchange
   * (connect, headers, body). Never past the GraphQL request's deadline (deadline.ts).
   */
  timeoutMs: number;
  /** Attempts of an idempotent read on connect errors, timeouts and 502/503/504 (resilience.ts; default 6). */
  maxAttempts?: number;
  /** Consecutive failed attempts that open the producer's circuit breaker (default 10). */
  breakerFailures?: number;
  /** How long an open breaker refuses calls before one probe may go through, in ms (default 5000). */
  breakerHalfOpenAfterMs?: number;
  /** Most ids in one `POST /X/lookup`: what the producer accepts. */
  maxBatchSize: number;
  /** `limit` sent on list requests when the caller gives none. */
  pageSize: number;
  /** Most requests in flight to this producer at once (also the keep-alive pool size). */
  maxConcurrency: number;
  /**
   * Attendance only: where the absence summary gets its minutes. `aggregatedAttendance` (default)
   * sums the producer's per-(activity, student) rows; `attendances` sums per-lesson rows, for
   * producers that do not serve /aggregatedAttendance.
   */
  summarySource?: 'aggregatedAttendance' | 'attendances';
  /** Reject a whole page or lookup answer on the first row that departs from the spec (default false: tolerant-reader.ts). */
  strict?: boolean;
  /** IANA zone date-times without offset are read in (default Europe/Stockholm). */
  timeZone?: string;
  /** What this producer offers (capabilities.ts); every path of its domain, with lookups, when absent. */
  capabilities?: ProducerCapabilitiesConfig;
}

export interface ProducerCapabilitiesConfig {
  /** `POST /X/lookup` exists (default true). false: references by parallel `GET /X/{id}` within maxConcurrency. */
  lookup?: boolean;
  /** The collection paths it serves (e.g. ['/persons', '/organisations']); every path of its domain when absent. */
  paths?: readonly string[];
  /** Ask the producer at start which paths and lookups answer (one cheap request per path). Default false. */
  probe?: boolean;
  /**
   * `/subscriptions` (webhooks on change) exists (default true). false: the change feed polls
   * `meta.modified.after` and `/deletedEntities` instead (src/changes/producer-watch.ts).
   */
  subscriptions?: boolean;
}

/** A producer left out is one the municipality does not have: its paths answer UPSTREAM_UNSUPPORTED. */
export type SourcesConfig = Partial<Record<ProducerName, ProducerConfig>>;
