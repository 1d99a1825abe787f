// What one producer offers: which collection paths exist and whether their `POST /X/lookup` does.
// Declared in the config (`capabilities: {lookup, paths, probe}`), probed at start when asked
// (`probe: true`: one cheap request per path), and learned as the producer answers (a 404/405 on a
// list or a lookup). A path the producer does not offer is an UpstreamUnsupportedError naming it,
// mapped to UPSTREAM_UNSUPPORTED: that field is null, its siblings served. References over a path
// without lookup go by `GET /X/{id}`, in parallel within maxConcurrency (batches.ts).
import { logger } from '../../config/logger';
import { AGGREGATED_ATTENDANCE_PATH, RESOURCES, resourcesOf, type ProducerName } from '../../ss12000/resources';
import type { ProducerSource } from '../types';
import type { ProducerCapabilitiesConfig } from './config';
import { isUpstreamRejected, SourceError } from './errors';
import { failingSource } from './failing-source';
import type { JsonRequest, ProducerHttpClient } from './http-client';

/** The producer does not offer this path (not configured, not declared, or it answered 404/405). */
export class UpstreamUnsupportedError extends SourceError {
  constructor(
    producer: ProducerName,
    path: string,
    /** Why: `not configured` (no such producer), `not declared` (capabilities.paths), `absent` (it answered 404/405). */
    readonly reason: 'not configured' | 'not declared' | 'absent',
    options?: { cause?: unknown },
  ) {
    super(`SS 12000 producer '${producer}' does not offer ${path} (${reason})`, producer, path, options);
  }
}

export const isUpstreamUnsupported = (error: unknown): error is UpstreamUnsupportedError => error instanceof UpstreamUnsupportedError;

/** The collection paths a producer's domain has in SS 12000, e.g. ['/grades', '/studyplans']. */
export const domainPaths = (producer: ProducerName): string[] => [
  ...resourcesOf(producer).map((name) => RESOURCES[name].path),
  ...(producer === 'attendance' ? [AGGREGATED_ATTENDANCE_PATH] : []),
];

/** `/persons/lookup` → `/persons`, `/studyplans/abc` → `/studyplans`. */
const collectionOf = (path: string): string => `/${path.split('/')[1] ?? ''}`;

export class ProducerCapabilities {
  private readonly declaredPaths: ReadonlySet<string> | undefined;
  private readonly absent = new Set<string>();
  private readonly withoutLookup = new Set<string>();

  constructor(
    readonly producer: ProducerName,
    private readonly declared: ProducerCapabilitiesConfig = {},
  ) {
    this.declaredPaths = declared.paths === undefined ? undefined : new Set(declared.paths);
  }

  /** Why the collection `path` is not offered, or undefined when it is (as far as is known). */
  missing(path: string): UpstreamUnsupportedError['reason'] | undefined {
    if (this.declaredPaths !== undefined && !this.declaredPaths.has(path)) return 'not declared';
    return this.absent.has(path) ? 'absent' : undefined;
  }

  /** Whether `POST <path>/lookup` can be asked. */
  hasLookup(path: string): boolean {
    return this.declared.lookup !== false && !this.withoutLookup.has(path);
  }

  learnAbsent(path: string): void {
    if (!this.absent.has(path))
      logger.warn({ producer: this.producer, path }, 'producer does not offer this path; its fields answer UPSTREAM_UNSUPPORTED');
    this.absent.add(path);
  }

  learnNoLookup(path: string): void {
    if (!this.withoutLookup.has(path))
      logger.warn({ producer: this.producer, path: `${path}/lookup` }, 'producer has no lookup here; references go by GET /X/{id}');
    this.withoutLookup.add(path);
  }

  /** Every path of the domain and every lookup, asked once; 404/405 teaches, anything else leaves the path as declared. */
  async probe(http: ProducerHttpClient): Promise<void> {
    const today = new Date().toISOString().slice(0, 10);
    const listQuery: Record<string, Record<string, string>> = {
      '/calendarEvents': { 'startTime.onOrAfter': `${today}T00:00:00Z`, 'startTime.onOrBefore': `${today}T00:00:01Z` },
      [AGGREGATED_ATTENDANCE_PATH]: { startDate: today, endDate: today },
    };
    const ask = async (request: JsonRequest): Promise<void> => {
      try {
        await http.json(request);
      } catch {
        // capableClient has learned from a 404/405; other failures say nothing about the path.
      }
    };
    await Promise.all(
      domainPaths(this.producer)
        .filter((path) => this.missing(path) === undefined)
        .map(async (path) => {
          await ask({ method: 'GET', path, query: { limit: 1, ...listQuery[path] } });
          const resource = Object.values(RESOURCES).find((info) => info.path === path);
          if (resource?.hasLookup === true && this.missing(path) === undefined && this.hasLookup(path)) {
            await ask({ method: 'POST', path: `${path}/lookup`, body: { ids: [] } });
          }
        }),
    );
    logger.info(
      { producer: this.producer, absent: [...this.absent], withoutLookup: [...this.withoutLookup] },
      'producer capabilities probed',
    );
  }
}

/**
 * `http` answering UpstreamUnsupportedError for what the producer does not offer, and learning from
 * 404/405 (a 404 on `GET /X/{id}` stays an unknown id).
 */
export function capableClient(http: ProducerHttpClient, capabilities: ProducerCapabilities): ProducerHttpClient {
  const { producer } = http;
  const json = async (request: JsonRequest): Promise<unknown> => {
    const collection = collectionOf(request.path);
    const route = `${request.method} ${request.route ?? request.path}`;
    const isLookup = request.method === 'POST' && request.path.endsWith('/lookup');
    const reason = capabilities.missing(collection);
    if (reason !== undefined) throw new UpstreamUnsupportedError(producer, route, reason);
    if (isLookup && !capabilities.hasLookup(collection)) throw new UpstreamUnsupportedError(producer, route, 'absent');
    try {
      return await http.json(request);
    } catch (error) {
      const byId = request.route !== undefined;
      if (isUpstreamRejected(error) && (error.status === 405 || (error.status === 404 && !byId))) {
        if (isLookup) capabilities.learnNoLookup(collection);
        else capabilities.learnAbsent(collection);
        throw new UpstreamUnsupportedError(producer, route, 'absent', { cause: error });
      }
      throw error;
    }
  };
  // The client's own pool, token, close and whatever else it offers (bound to it, so its private
  // state stays its own); only json is in between.
  return new Proxy(http, {
    get: (target, property) => {
      if (property === 'json') return json;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The source of a producer the municipality does not have: every path answers UpstreamUnsupportedError. */
export const unsupportedSource = (producer: ProducerName): ProducerSource =>
  failingSource(producer, (route) => {
    throw new UpstreamUnsupportedError(producer, route, 'not configured');
  });
