// The HTTP front of the gateway and of each subgraph: node:http around Apollo Server's
// executeHTTPGraphQLRequest, so a request is refused (401) BEFORE Apollo parses or runs anything,
// and the gateway can serve GET /sdl next to /graphql. (startStandaloneServer allows neither.)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { ListenConfig } from '../config/gateway-config';
import { logger } from '../config/logger';
import { adminResponse } from '../observability/admin-routes';
import type { Readiness } from '../observability/readiness';
import { withDeadline } from '../sources/shared/deadline';

export interface TextResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpFrontOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  listen: ListenConfig;
  /** The request's context, or null: answered 401 and nothing runs. */
  context(request: IncomingMessage): Promise<TContext | null>;
  /** Told of each refused request (the gateway audits it). */
  onUnauthenticated?(request: IncomingMessage): void;
  /** Other GET paths, served with the same authentication. */
  routes?: Record<string, (context: TContext) => TextResponse>;
  /** Bearer token of GET /metrics; without one /metrics is not served. GET /healthz always is. */
  metricsToken?: string;
  /** What GET /readyz reports (always served; "ready" without one). */
  readiness?: Readiness;
  /** The request's deadline (epoch ms), in force while it executes (sources/shared/deadline.ts). */
  deadline?(request: IncomingMessage): number | undefined;
  /** An answer instead of running the request, e.g. 503 while what the caller needs is not known yet. */
  refuse?(context: TContext): TextResponse | undefined;
  /** How long stopping waits for requests in flight before cutting them, in ms (default 10000). */
  stopGracePeriodMs?: number;
}

export interface HttpFront {
  /** Base URL, e.g. http://127.0.0.1:40123/ */
  readonly url: string;
}

// Far above any real operation; stops a caller from making the process buffer gigabytes.
const MAX_BODY_BYTES = 2 * 1024 * 1024;

const graphqlError = (status: number, code: string, message: string): TextResponse => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
});

const UNAUTHENTICATED = graphqlError(401, 'UNAUTHENTICATED', 'Missing, unknown or invalid credentials.');

const send = (response: ServerResponse, { status, contentType, body }: TextResponse, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': contentType, ...headers });
  response.end(body);
};

/**
 * The body as text, or null when it is over the limit. The rest of an oversized body is read and
 * dropped (never left in the socket, where the next request on a keep-alive connection would be
 * parsed from it), and the 413 closes the connection (`TOO_LARGE_HEADERS`).
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

// The client may still be sending the oversized body: close rather than wait for its end.
const TOO_LARGE_HEADERS = { connection: 'close' };

const parseBody = (text: string, contentType: string | undefined): { body: unknown } | { error: TextResponse } => {
  if (text === '') return { body: undefined };
  if (!/^application\/(graphql-response\+)?json\b/i.test(contentType ?? '')) return { body: text };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { error: graphqlError(400, 'BAD_REQUEST', 'The request body is not valid JSON.') };
  }
};

async function handle<TContext extends BaseContext>(options: HttpFrontOptions<TContext>, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  // The clock starts when the request arrives, not once its body is read.
  const deadline = options.deadline?.(request);
  const admin = await adminResponse(request, url.pathname, options.metricsToken, options.readiness);
  if (admin) {
    send(response, admin, admin.headers);
    return;
  }
  const route = options.routes?.[url.pathname];
  if (url.pathname !== '/graphql' && !(route && request.method === 'GET')) {
    send(response, graphqlError(404, 'NOT_FOUND', 'Not found.'));
    return;
  }
  const context = await options.context(request);
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
  const text = await readBody(request);
  if (text === null) {
    send(response, graphqlError(413, 'BAD_REQUEST', 'The request body is too large.'), TOO_LARGE_HEADERS);
    return;
  }
  const parsed = parseBody(text, request.headers['content-type']);
  if ('error' in parsed) {
    send(response, parsed.error);
    return;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const result = await withDeadline(deadline, () =>
    options.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search: url.search, body: parsed.body },
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
    handle(options, request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed outside GraphQL');
      if (!response.headersSent) send(response, graphqlError(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'));
      else response.destroy();
    });
  });
  // Node's 5 s default closes idle keep-alive sockets so early that a client whose event loop was
  // busy for 5 s reuses one the server is closing at that moment (ECONNRESET, seen under test
  // load); 65 s also outlasts the 60 s idle timeout of common load balancers in front.
  httpServer.keepAliveTimeout = 65_000;
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
