// A real HTTP server on a random port standing in for an SS 12000 producer: each test scripts
// the answers and reads back what the sources actually sent.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly authorization: string | undefined;
}

/** `hang` never answers (for timeouts); `raw` sends text as is. */
export type Reply = { status?: number; json?: unknown; raw?: string } | 'hang';

export interface FakeProducer {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  return request.headers['content-type']?.includes('json') ? JSON.parse(text) : text;
};

export async function startFakeProducer(answer: (request: Received) => Reply | Promise<Reply>): Promise<FakeProducer> {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const seen: Received = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: await readBody(request),
      authorization: request.headers.authorization,
    };
    received.push(seen);
    const reply = await answer(seen);
    if (reply === 'hang') return;
    const status = reply.status ?? 200;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(reply.raw ?? JSON.stringify(reply.json ?? null));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
