// One producer as an HTTP server: bearer auth, request counting, fault injection, the SS 12000
// routes, and the control routes /_stats and /_faults (same token, not counted).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Span } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { serveInSpan } from '../../observability/spans';
import type { ProducerName } from '../../ss12000/resources';
import { forbidden, HttpError, notFound, unauthorized } from './errors';
import { fires, mergeFaults, type FaultSettings } from './faults';
import { errorBody, readJson, sendJson, sendRaw } from './http-io';
import type { Reply, Router } from './router';
import { StatsCounter } from './stats';

// W3C trace context: version-traceid-spanid-flags (an all-zero trace id is invalid).
const TRACEPARENT = /^[\da-f]{2}-(?!0{32})([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

// A request held by the timeout fault is cut after this long even if the client waits on.
const HOLD_CAP_MS = 120_000;

export interface ProducerServerConfig {
  readonly name: ProducerName;
  readonly token: string;
  readonly router: Router;
  readonly faults: FaultSettings;
  readonly logger: Logger;
}

/** A lookup's array or a list page's `data`, reversed; any other body as it is. */
const reversed = (body: unknown): unknown => {
  if (Array.isArray(body)) return [...body].reverse();
  const data = (body as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? { ...(body as object), data: [...data].reverse() } : body;
};

export class ProducerServer {
  readonly stats = new StatsCounter();
  private faultSettings: FaultSettings;
  private malformedCount = 0;
  /** Cancels every request waiting out a latency or timeout fault. */
  private readonly waiting = new Set<() => void>();
  readonly server: Server;

  constructor(private readonly config: ProducerServerConfig) {
    this.faultSettings = { ...config.faults };
    this.server = createServer((req, res) => {
      // A real producer's server span would be its own business; this one shows where the time went.
      void serveInSpan(`producer-${config.name}`, req, res, undefined, (span) =>
        this.handle(req, res, span).catch((error: unknown) => this.fail(res, error)),
      );
    });
  }

  get faults(): FaultSettings {
    return { ...this.faultSettings, ignoreFilters: [...this.faultSettings.ignoreFilters] };
  }

  setFaults(update: Partial<FaultSettings>): void {
    try {
      this.faultSettings = mergeFaults(this.faultSettings, update);
    } catch (error) {
      throw new RangeError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  /**
   * Ends every wait a fault imposes (latency or timeout); the caller closes the server. Without it
   * a pending latency timer would keep the process alive after close.
   */
  releaseWaiting(): void {
    for (const cancel of [...this.waiting]) cancel();
  }

  private async handle(req: IncomingMessage, res: ServerResponse, span: Span): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://producer');
    const traceId = TRACEPARENT.exec(String(req.headers.traceparent ?? ''))?.[1];
    if (traceId !== undefined) this.stats.sawTrace(traceId);
    if (url.pathname === '/_stats' || url.pathname === '/_stats/reset' || url.pathname === '/_faults') {
      this.authorize(req);
      return this.control(method, url.pathname, req, res);
    }
    const match = this.config.router.match(method, url.pathname);
    span.updateName(`${method} ${match ? match.route.pattern : '(unmatched)'}`);
    if (match) span.setAttribute('http.route', match.route.pattern);
    this.stats.count(match ? `${method} ${match.route.pattern}` : `${method} (unmatched)`);
    this.authorize(req);
    const faults = this.faultSettings;
    if (faults.latencyMs > 0 && !(await this.wait(res, faults.latencyMs))) return void res.destroy();
    if (fires(faults.timeoutRate)) return this.hold(res);
    if (fires(faults.errorRate)) return sendJson(res, 503, errorBody('ServiceUnavailable', 'Injected fault: producer unavailable'));
    if (!match) throw notFound(`No route ${method} ${url.pathname}`);
    let id: string;
    try {
      id = decodeURIComponent(match.id);
    } catch {
      throw new HttpError(400, 'BadRequest', `Malformed id segment ${match.id}`);
    }
    for (const ignored of method === 'GET' ? faults.ignoreFilters : []) url.searchParams.delete(ignored);
    const reply = await match.route.handle({ id, search: url.searchParams, body: () => readJson(req) });
    if (reply.body !== undefined && fires(faults.malformedRate)) return this.malformed(res, reply);
    sendJson(res, reply.status, faults.reverseRows ? reversed(reply.body) : reply.body);
  }

  private authorize(req: IncomingMessage): void {
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) throw unauthorized('Authorization: Bearer <token> is required');
    if (m[1] !== this.config.token) throw forbidden(`Token not valid for the ${this.config.name} producer`);
  }

  private async control(method: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (path === '/_stats' && method === 'GET') return sendJson(res, 200, this.stats.snapshot());
    if (path === '/_stats/reset' && method === 'POST') {
      this.stats.reset();
      return sendJson(res, 204, undefined);
    }
    if (path === '/_faults' && method === 'GET') return sendJson(res, 200, this.faults);
    if (path === '/_faults' && method === 'PUT') {
      this.faultSettings = mergeFaults(this.faultSettings, await readJson(req));
      return sendJson(res, 200, this.faults);
    }
    throw notFound(`No route ${method} ${path}`);
  }

  /** Never answers; the socket is cut when the client gives up, at the cap, or on close. */
  private hold(res: ServerResponse): void {
    void this.wait(res, HOLD_CAP_MS).then(() => res.destroy());
  }

  /** Waits `ms`; false when the client went away or the producer closes first. */
  private wait(res: ServerResponse, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (elapsed: boolean): void => {
        clearTimeout(timer);
        this.waiting.delete(cancel);
        res.off('close', cancel);
        resolve(elapsed);
      };
      const cancel = (): void => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      this.waiting.add(cancel);
      res.on('close', cancel);
    });
  }

  /** Alternates between a body that is not JSON and JSON that breaks the schema. */
  private malformed(res: ServerResponse, reply: Reply): void {
    this.malformedCount += 1;
    if (this.malformedCount % 2 === 1) return sendRaw(res, reply.status, JSON.stringify(reply.body).slice(0, 20) + '{"');
    const broken = Array.isArray(reply.body) ? [{ malformed: true }] : { malformed: true };
    sendJson(res, reply.status, broken);
  }

  private fail(res: ServerResponse, error: unknown): void {
    if (error instanceof HttpError) return sendJson(res, error.status, errorBody(error.code, error.message));
    this.config.logger.error({ err: error }, 'unexpected error');
    sendJson(res, 500, errorBody('InternalError', 'Unexpected error'));
  }
}
