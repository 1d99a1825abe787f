// JSON in and out of the admin API; errors as `{ error: { code, message } }` with a code from the
// graph's closed set (plus NOT_FOUND, as the gateway's front answers an unknown path).
import type { IncomingMessage, ServerResponse } from 'node:http';

export type AdminErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'UPSTREAM_UNAVAILABLE';

/** A refusal the handler means the caller to read. */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';

  constructor(
    readonly status: number,
    readonly code: AdminErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export const sendJson = (response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void => {
  const body = Buffer.from(JSON.stringify(value));
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, ...NO_STORE, ...headers });
  response.end(body);
};

export const sendText = (response: ServerResponse, status: number, contentType: string, text: string): void => {
  const body = Buffer.from(text);
  response.writeHead(status, { 'content-type': contentType, 'content-length': body.length, ...NO_STORE });
  response.end(body);
};

export const sendError = (response: ServerResponse, error: AdminApiError): void =>
  sendJson(
    response,
    error.status,
    { error: { code: error.code, message: error.message } },
    error.status === 401 ? { 'www-authenticate': 'Bearer' } : {},
  );

// Supplier entries and GraphQL documents: far below this.
const MAX_JSON_BYTES = 512 * 1024;

/** The request's JSON body (an object), or an AdminApiError naming what is wrong with it. */
export const readJson = async (request: IncomingMessage): Promise<Record<string, unknown>> => {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    request.resume();
    throw new AdminApiError(415, 'BAD_USER_INPUT', 'The body must be JSON (content-type: application/json).');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new AdminApiError(413, 'BAD_USER_INPUT', 'The body is too large.');
    chunks.push(chunk);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AdminApiError(400, 'BAD_USER_INPUT', 'The body is not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new AdminApiError(400, 'BAD_USER_INPUT', 'The body must be a JSON object.');
  return value as Record<string, unknown>;
};
