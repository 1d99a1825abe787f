// The baseline's HTTP: a keep-alive undici Pool per producer, the same number of connections the
// gateway's sources use, and lookups split at what the producer accepts and sent in parallel.
import { Pool } from 'undici';
import { PRODUCERS, type ProducerName } from '../../src/ss12000/resources';
import type { ProducerEndpoint } from '../shared/producers-process';

type Query = Record<string, string | number | readonly string[]>;

export class RestClient {
  private readonly pools: Record<ProducerName, Pool>;

  constructor(
    private readonly producers: Record<ProducerName, ProducerEndpoint>,
    private readonly options: { connections: number; maxLookupKeys: number },
  ) {
    this.pools = Object.fromEntries(PRODUCERS.map((p) => [p, new Pool(producers[p].url, { connections: options.connections })])) as Record<
      ProducerName,
      Pool
    >;
  }

  async get<T>(producer: ProducerName, path: string, query: Query = {}): Promise<T> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
    }
    return this.send<T>(producer, 'GET', search.size > 0 ? `${path}?${search}` : path);
  }

  /** Every row of a list, page after page (a page token is the only way on). */
  async all<T>(producer: ProducerName, path: string, query: Query, limit = 1000): Promise<T[]> {
    const rows: T[] = [];
    for await (const page of this.pages<T>(producer, path, query, limit)) rows.push(...page);
    return rows;
  }

  /** A list's pages one at a time, for a caller that need not hold them all. */
  async *pages<T>(producer: ProducerName, path: string, query: Query, limit = 1000): AsyncGenerator<T[]> {
    let page = await this.get<{ data: T[]; pageToken?: string | null }>(producer, path, { ...query, limit });
    yield page.data;
    while (page.pageToken) {
      page = await this.get(producer, path, { limit, pageToken: page.pageToken });
      yield page.data;
    }
  }

  /** `POST /X/lookup {field: keys}` in parts of at most maxLookupKeys, all parts at once. */
  async lookup<T>(producer: ProducerName, path: string, field: string, keys: Iterable<string>): Promise<T[]> {
    const unique = [...new Set(keys)];
    const parts: string[][] = [];
    for (let i = 0; i < unique.length; i += this.options.maxLookupKeys) parts.push(unique.slice(i, i + this.options.maxLookupKeys));
    const answers = await Promise.all(parts.map((part) => this.send<T[]>(producer, 'POST', `${path}/lookup`, { [field]: part })));
    return answers.flat();
  }

  close(): Promise<void> {
    return Promise.all(PRODUCERS.map((p) => this.pools[p].close())).then(() => undefined);
  }

  private async send<T>(producer: ProducerName, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${this.producers[producer].token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const answer = await this.pools[producer].request({
      method,
      path,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (answer.statusCode !== 200) throw new Error(`${producer} ${method} ${path}: HTTP ${answer.statusCode} ${await answer.body.text()}`);
    return (await answer.body.json()) as T;
  }
}
