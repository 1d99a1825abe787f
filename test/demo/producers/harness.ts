// Starts the four producers over one generated municipality and calls them over real HTTP.
import type { Dataset } from '../../../src/demo/dataset';
import { generateMunicipality } from '../../../src/demo/generator';
import { startProducers, type ProducersOptions, type RunningProducers } from '../../../src/demo/producers';
import type { ProducerName } from '../../../src/ss12000/resources';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** A raw body string (e.g. broken JSON); wins over `body`. */
  rawBody?: string;
  /** Authorization header value; `null` sends none. Default: the producer's bearer token. */
  authorization?: string | null;
}

export interface Demo {
  readonly dataset: Dataset;
  readonly running: RunningProducers;
  call<T = any>(producer: ProducerName, method: string, path: string, options?: CallOptions): Promise<Answer<T>>;
  get<T = any>(producer: ProducerName, path: string): Promise<Answer<T>>;
  post<T = any>(producer: ProducerName, path: string, body: unknown): Promise<Answer<T>>;
}

let shared: Dataset | undefined;

/** The default-size municipality, built once per test file. */
export const defaultDataset = (): Dataset => (shared ??= generateMunicipality());

export async function startDemo(options: Partial<ProducersOptions> = {}): Promise<Demo> {
  const dataset = options.dataset ?? defaultDataset();
  const running = await startProducers({ ...options, dataset });
  const call = async <T>(producer: ProducerName, method: string, path: string, o: CallOptions = {}): Promise<Answer<T>> => {
    const p = running.producers[producer];
    const headers: Record<string, string> = {};
    const authorization = o.authorization === undefined ? `Bearer ${p.token}` : o.authorization;
    if (authorization !== null) headers.authorization = authorization;
    const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${p.url}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed as T, text };
  };
  return {
    dataset,
    running,
    call,
    get: (producer, path) => call(producer, 'GET', path),
    post: (producer, path, body) => call(producer, 'POST', path, { body }),
  };
}

/** Every item of a list, following pageTokens. */
export async function walk<T = any>(demo: Demo, producer: ProducerName, path: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  const sep = path.includes('?') ? '&' : '?';
  let answer = await demo.get<{ data: T[]; pageToken: string | null }>(producer, `${path}${sep}limit=${limit}`);
  for (;;) {
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.text}`);
    items.push(...answer.body.data);
    if (answer.body.pageToken === null) return items;
    answer = await demo.get(producer, `${path.split('?')[0]}?limit=${limit}&pageToken=${encodeURIComponent(answer.body.pageToken)}`);
  }
}
