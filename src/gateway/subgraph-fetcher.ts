// The gateway's HTTP to its subgraphs: one keep-alive undici Pool per subgraph origin behind the
// fetch signature @apollo/gateway asks for. Its default fetcher (make-fetch-happen) puts an HTTP
// cache layer, a retry wrapper and minipass streams around every request, and its agent reads an
// Error's stack to tell http from https: about 1 ms of CPU per subgraph fetch, the largest fixed
// cost of a small query (bench/graph/README.md). Subgraph answers are never cached, nor retried.
// Within a gateway request's deadline (sources/shared/deadline.ts) a fetch is cut when the deadline
// passes, and tells the subgraph how much of it is left (DEADLINE_HEADER) so that the subgraph
// answers, with what it has, a little before.
import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Pool } from 'undici';
import { closeWithin } from '../lib/close-within';
import { getOrCompute } from '../lib/get-or-compute';
import { injectTraceContext } from '../observability/spans';
import { DEADLINE_HEADER, remainingMs } from '../sources/shared/deadline';

const CLOSE_GRACE_MS = 1_000;

export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export interface SubgraphFetcher {
  readonly fetch: Fetcher;
  close(): Promise<void>;
}

const toHeaders = (raw: Record<string, string | string[] | undefined>): Headers => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
};

// The body is read whole before the response is handed over (the gateway always reads it whole):
// text(), json() and clone() are then plain functions of one string.
const bufferedResponse = (url: string, status: number, headers: Headers, text: string): FetcherResponse => {
  let used = false;
  const take = (): string => {
    if (used) throw new TypeError('Body has already been consumed.');
    used = true;
    return text;
  };
  return {
    url,
    status,
    ok: status >= 200 && status <= 299,
    statusText: STATUS_CODES[status] ?? '',
    redirected: false,
    headers,
    get bodyUsed() {
      return used;
    },
    text: async () => take(),
    json: async () => JSON.parse(take()) as unknown,
    arrayBuffer: async () => {
      const bytes = Buffer.from(take());
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
    clone: () => bufferedResponse(url, status, headers, text),
  };
};

export function createSubgraphFetcher(): SubgraphFetcher {
  const pools = new Map<string, Pool>();
  const poolFor = (origin: string): Pool => getOrCompute(pools, origin, () => new Pool(origin));
  const fetch: Fetcher = async (url, init = {}) => {
    const target = new URL(url);
    const remaining = remainingMs();
    // `traceparent`: the subgraph's span is a child of @apollo/gateway's fetch span, active here.
    const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
    injectTraceContext(headers);
    let signal = init.signal as AbortSignal | undefined;
    if (Number.isFinite(remaining)) {
      const budget = Math.max(0, Math.floor(remaining));
      headers[DEADLINE_HEADER] = String(budget);
      const timeout = AbortSignal.timeout(Math.max(1, budget));
      signal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    }
    const answer = await poolFor(target.origin).request({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      path: `${target.pathname}${target.search}`,
      headers,
      body: init.body,
      signal,
    });
    return bufferedResponse(url, answer.statusCode, toHeaders(answer.headers), await answer.body.text());
  };
  return {
    fetch,
    // The servers' drain has already waited out the grace period: whatever is still in flight is cut after a moment.
    close: async () => {
      await Promise.all(
        [...pools.values()].map((pool) =>
          closeWithin(
            () => pool.close(),
            () => pool.destroy(),
            CLOSE_GRACE_MS,
          ),
        ),
      );
    },
  };
}
