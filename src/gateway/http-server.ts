// The HTTP front of the gateway and of each subgraph: node:http around Apollo Server's
// executeHTTPGraphQLRequest, so a request is refused (401) BEFORE Apollo parses or runs anything,
// and the gateway can serve GET /sdl next to /graphql. (startStandaloneServer allows neither.)
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { ListenConfig } from '../config/gateway-config';
import { logger } from '../config/logger';
import { adminResponse } from '../observability/admin-routes';
import type { Readiness } from '../observability/readiness';
import { serveInSpan } from '../observability/spans';
import { currentTraceId } from '../observability/trace-ids';
import { withDeadline } from '../sources/shared/deadline';
import type { CorsPolicy } from './cors';
import type { StaticResponse } from './static-assets';

export interface TextResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpFrontOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  /** The service its GraphQL requests are traced as (`gateway`, `subgraph-register` …); the process's own when not given. */
  service?: string;
  listen: ListenConfig;
  /** The request's context, or null: answered 401 and nothing runs. `body` only with `bodyFirst`. */
  context(request: IncomingMessage, body?: RequestBody): Promise<TContext | null>;
  /** Read the body before `context` and hand it over (a subgraph verifies a signature over it). */
  bodyFirst?: boolean;
  /** Told of each refused request (the gateway audits it). */
  onUnauthenticated?(request: IncomingMessage): void;
  /** Pages answered before authentication (GraphiQL's files); undefined for a path that is not one. */
  pages?(request: IncomingMessage, pathname: string): Promise<StaticResponse | undefined>;
  /** CORS of /graphql and `routes` (never of the admin paths); preflights are answered before authentication. */
  cors?: CorsPolicy;
  /** Other GET paths, served with the same authentication. */
  routes?: Record<string, (context: TContext) => TextResponse>;
  /** Bearer token of GET /metrics; without one /metrics is not served. GET /healthz always is. */
  metricsToken?: string;
  /** Asked before a GraphQL request's body is read: a refusal (429) is sent as is. */
  admit?(context: TContext): Promise<(TextResponse & { headers?: Record<string, string> }) | undefined>;
  /** What GET /readyz reports (always served; "ready" without one). */
  readiness?: Readiness;
  /** The request's deadline (epoch ms), in force while it executes (sources/shared/deadline.ts). */
  deadline?(request: IncomingMessage): number | undefined;
  /** An answer instead of running the request, e.g. 503 while what the caller needs is not known yet. */
  refuse?(context: TContext): TextResponse | undefined;
  /** How long stopping waits for requests in flight before cutting them, in ms (default 10000). */
  stopGracePeriodMs?: number;
  /**
   * Other handlers (the admin API, the console's files), asked in order before the GraphQL routes; each
   * resolves true when it answered. They authenticate on their own terms.
   */
  handlers?: readonly ((request: IncomingMessage, response: ServerResponse) => Promise<boolean>)[];
  /**
   * POSTs under `prefix` answered before (and without) caller authentication, the body read within the
   * same limit: webhooks from producers, which verify themselves (src/changes/notifications.ts).
   */
  webhooks?: { prefix: string; receive(request: { url: URL; headers: IncomingMessage['headers']; body: string }): TextResponse };
}

export interface HttpFront {
  /** Base URL, e.g. http://127.0.0.1:40123/ */
  readonly url: string;
}

/** A request body as received, and parsed (JSON) where its content type says so. */
export interface RequestBody {
  text: string;
  body: unknown;
}

// Far above any real operation; stops a caller from making the process buffer gigabytes.
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const graphqlError = (status: number, code: string, message: string): TextResponse => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
});

const UNAUTHENTICATED = graphqlError(401, 'UNAUTHENTICATED', 'Missing, unknown or invalid credentials.');

const send = (response: ServerResponse, { status, contentType, body }: TextResponse, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': contentType, ...headers });
  response.end(status >= 400 ? withTraceId(body, contentType) : body);
};

// A refusal names the request's trace like any GraphQL error does (format-error.ts). These bodies are
// small and come from this front or its options (401, 413, 429, 503), so they are amended here, once.
const withTraceId = (body: string, contentType: string): string => {
  const traceId = currentTraceId();
  if (traceId === undefined || !contentType.startsWith('application/json')) return body;
  let parsed: { errors?: { extensions?: Record<string, unknown> }[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return body;
  }
  if (!Array.isArray(parsed.errors)) return body;
  for (const error of parsed.errors) error.extensions = { ...error.extensions, traceId };
  return JSON.stringify(parsed);
};

/**
 * The body as text, or null when it is over the limit. The rest of an oversized body is read and
 * dropped (never left in the socket, where the next request on a keep-alive connection would be
 * parsed from it), and the 413 closes the connection (`sendBodyError`).
 */
const readBody = (request: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      request.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      if (size <= MAX_BODY_BYTES) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });

const parseBody = (text: string, contentType: string | undefined): { body: unknown } | { error: TextResponse } => {
  if (text === '') return { body: undefined };
  if (!/^application\/(graphql-response\+)?json\b/i.test(contentType ?? '')) return { body: text };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { error: graphqlError(400, 'BAD_REQUEST', 'The request body is not valid JSON.') };
  }
};

const readRequestBody = async (request: IncomingMessage): Promise<RequestBody | { error: TextResponse }> => {
  const text = await readBody(request);
  if (text === null) return { error: graphqlError(413, 'REQUEST_TOO_LARGE', 'The request body is too large.') };
  const parsed = parseBody(text, request.headers['content-type']);
  return 'error' in parsed ? parsed : { text, body: parsed.body };
};

// After a 413 the rest of the body is unread: close the connection, or it stays open (keep-alive) with
// the request half read, and the server's close waits for it.
const sendBodyError = (response: ServerResponse, error: TextResponse): void =>
  send(response, error, error.status === 413 ? { connection: 'close' } : {});

async function handle<TContext extends BaseContext>(
  options: HttpFrontOptions<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  // The clock starts when the request arrives, not once its body is read.
  const deadline = options.deadline?.(request);
  const admin = await adminResponse(request, url.pathname, options.metricsToken, options.readiness);
  if (admin) {
    send(response, admin, admin.headers);
    return;
  }
  if (options.webhooks && url.pathname.startsWith(options.webhooks.prefix) && request.method === 'POST') {
    const text = await readBody(request);
    if (text === null) sendBodyError(response, graphqlError(413, 'REQUEST_TOO_LARGE', 'The request body is too large.'));
    else send(response, options.webhooks.receive({ url, headers: request.headers, body: text }));
    return;
  }
  for (const handler of options.handlers ?? []) if (await handler(request, response)) return;
  const page = await options.pages?.(request, url.pathname);
  if (page) {
    response.writeHead(page.status, page.headers);
    response.end(page.body);
    return;
  }
  const route = options.routes?.[url.pathname];
  const cors = url.pathname === '/graphql' || route ? options.cors : undefined;
  if (cors && request.method === 'OPTIONS') {
    request.resume();
    response.writeHead(204, cors.preflightHeaders(request.headers));
    response.end();
    return;
  }
  // Set before any answer is written (writeHead merges them in), refusals included: a page may read why it was refused.
  for (const [key, value] of Object.entries(cors?.responseHeaders(request.headers) ?? {})) response.setHeader(key, value);
  if (url.pathname !== '/graphql' && !(route && request.method === 'GET')) {
    send(response, graphqlError(404, 'NOT_FOUND', 'Not found.'));
    return;
  }
  let read = options.bodyFirst && !route ? await readRequestBody(request) : undefined;
  if (read && 'error' in read) {
    sendBodyError(response, read.error);
    return;
  }
  const context = await options.context(request, read);
  if (context === null) {
    options.onUnauthenticated?.(request);
    send(response, UNAUTHENTICATED, { 'www-authenticate': 'Bearer' });
    return;
  }
  const refused = options.refuse?.(context);
  if (refused) {
    request.resume();
    send(response, refused);
    return;
  }
  if (route) {
    send(response, route(context));
    return;
  }
  const refusal = await options.admit?.(context);
  if (refusal) {
    // Refused before its body is read: close, as after a 413, so no half-read request holds the socket.
    send(response, refusal, { ...refusal.headers, connection: 'close' });
    return;
  }
  read ??= await readRequestBody(request);
  if ('error' in read) {
    sendBodyError(response, read.error);
    return;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const result = await withDeadline(deadline, () =>
    options.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search: url.search, body: read.body },
      context: async () => context,
    }),
  );
  for (const [key, value] of result.headers) response.setHeader(key, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    // Encoded once: a string is measured (content length) and then encoded again by node:http,
    // and an answer with å, ä, ö is a two-byte string to V8 (hundreds of KB for a school unit).
    response.end(Buffer.from(result.body.string));
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/** Starts `options.server` behind the front and listens; `server.stop()` closes both. */
export async function startHttpFront<TContext extends BaseContext>(options: HttpFrontOptions<TContext>): Promise<HttpFront> {
  const httpServer = createServer((request, response) => {
    const serve = (): Promise<void> =>
      handle(options, request, response).catch((error: unknown) => {
        logger.error({ err: error }, 'request failed outside GraphQL');
        if (!response.headersSent) send(response, graphqlError(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'));
        else response.destroy();
      });
    // GraphQL and its routes are traced; probes and /metrics are not (a span every few seconds, per replica).
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    void (path === '/graphql' || Object.hasOwn(options.routes ?? {}, path)
      ? serveInSpan(options.service, request, response, path, serve)
      : serve());
  });
  // Node's 5 s default closes idle keep-alive sockets so early that a client whose event loop was
  // busy for 5 s reuses one the server is closing at that moment (ECONNRESET, seen under test
  // load); 65 s also outlasts the 60 s idle timeout of common load balancers in front.
  httpServer.keepAliveTimeout = 65_000;
  // Headers beyond Node's limit (16 KiB) never reach `handle`, and Node would answer a bare 431: answer
  // it coded like any other refusal. Other client errors as Node answers them (nothing in flight only).
  httpServer.on('clientError', (error: NodeJS.ErrnoException, socket: Socket & { _httpMessage?: ServerResponse }) => {
    if (socket.writable && !socket._httpMessage?.headersSent) {
      const status =
        { HPE_HEADER_OVERFLOW: 431, HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 }[error.code ?? ''] ?? 400;
      const { contentType, body } =
        status === 431 ? graphqlError(431, 'REQUEST_TOO_LARGE', 'The request headers are too large.') : { contentType: '', body: '' };
      const typed = body ? `content-type: ${contentType}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` : '';
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\n${typed}\r\n${body}`);
    }
    socket.destroy(error);
  });
  options.server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.stopGracePeriodMs ?? 10_000 }));
  await options.server.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.listen.port, options.listen.host, () => resolve());
  });
  const { address, port } = httpServer.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return { url: `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${port}/` };
}
