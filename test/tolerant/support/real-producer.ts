// A stand-in for an SS 12000 producer this project did not write: a small node:http server on a
// random port serving hand-written rows as they are (deviations included), with paging, by-id,
// POST /X/lookup (or a 404 where the producer has none) and the `organisation` list filter. It
// counts what reached it, per route, and the most requests it had in flight at once.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Row = Record<string, unknown>;

export interface RealProducerOptions {
  /** Path → rows, e.g. { '/persons': [...] }. A path not here answers 404. */
  readonly collections: Readonly<Record<string, readonly Row[]>>;
  /** POST /X/lookup exists (default true); false answers it 404, as a producer without it does. */
  readonly lookup?: boolean;
  /** Milliseconds each answer waits (to see concurrency). */
  readonly delayMs?: number;
}

export interface RealProducer {
  readonly url: string;
  readonly token: string;
  /** Requests by route template, e.g. `GET /groups/{id}`, `POST /groups/lookup`, `GET /groups`. */
  count(route: string): number;
  readonly total: () => number;
  /** Most requests this producer had in flight at once. */
  readonly maxInFlight: () => number;
  /** Waves of `route` requests: arrivals closer than `gapMs` to the previous one are the same wave. */
  rounds(route: string, gapMs: number): number;
  reset(): void;
  close(): Promise<void>;
}

const TOKEN = 'real-producer-token';

const readBody = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
};

const refId = (row: Row, key: string): unknown => (row[key] as { id?: unknown } | undefined)?.id;
const OWNER_KEYS = ['organisation', 'dutyAt', 'placedAt', 'owner', 'offeredAt'];

export async function startRealProducer(options: RealProducerOptions): Promise<RealProducer> {
  const counts = new Map<string, number>();
  const arrivals = new Map<string, number[]>();
  let inFlight = 0;
  let peak = 0;
  const server = createServer(async (request, response) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    const url = new URL(request.url ?? '/', 'http://producer');
    const body = await readBody(request);
    const [, collection = '', rest] = url.pathname.split('/');
    const path = `/${collection}`;
    const route = `${request.method} ${path}${rest === undefined ? '' : rest === 'lookup' ? '/lookup' : '/{id}'}`;
    counts.set(route, (counts.get(route) ?? 0) + 1);
    arrivals.set(route, [...(arrivals.get(route) ?? []), performance.now()]);
    const send = (status: number, json: unknown): void => {
      const answer = (): void => {
        inFlight -= 1;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    };
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { code: 'unauthorized', message: 'no' });
    const rows = options.collections[path];
    if (rows === undefined) return send(404, { code: 'notFound', message: `no ${path} here` });
    if (request.method === 'POST' && rest === 'lookup') {
      if (options.lookup === false) return send(404, { code: 'notFound', message: 'no lookup here' });
      const ids = new Set(((body as { ids?: string[] } | undefined)?.ids ?? []).map(String));
      return send(
        200,
        rows.filter((row) => ids.has(String(row.id))),
      );
    }
    if (request.method === 'GET' && rest !== undefined) {
      const id = decodeURIComponent(rest);
      const row = rows.find((one) => one.id === id);
      return row === undefined ? send(404, { code: 'notFound', message: 'unknown id' }) : send(200, row);
    }
    if (request.method !== 'GET') return send(405, { code: 'methodNotAllowed', message: 'no' });
    const organisation = url.searchParams.get('organisation');
    const filtered = organisation === null ? rows : rows.filter((row) => OWNER_KEYS.some((key) => refId(row, key) === organisation));
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const offset = Number(url.searchParams.get('pageToken') ?? 0);
    const next = offset + limit < filtered.length ? String(offset + limit) : null;
    return send(200, { data: filtered.slice(offset, offset + limit), pageToken: next });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token: TOKEN,
    count: (route) => counts.get(route) ?? 0,
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    maxInFlight: () => peak,
    rounds: (route, gapMs) => (arrivals.get(route) ?? []).filter((at, index, all) => index === 0 || at - all[index - 1]! >= gapMs).length,
    reset: () => {
      counts.clear();
      arrivals.clear();
      peak = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
