// The physical limit: download the same /aggregatedAttendance rows the summary reads, with a plain
// undici client: the same school units, page size, concurrency and query, each page read and
// JSON-parsed (what any consumer of the rows must do), nothing else. The summary's activity lookups
// on the schedule producer are not in it: they are part of what the gateway adds.
import { Pool } from 'undici';
import type { ProducerEndpoint } from '../shared/producers-process';

export interface DownloadResult {
  rows: number;
  requests: number;
}

async function getJson(
  pool: Pool,
  endpoint: ProducerEndpoint,
  path: string,
  query: URLSearchParams,
): Promise<{ data: unknown[]; pageToken: string | null }> {
  const base = new URL(endpoint.url).pathname.replace(/\/+$/, '');
  const { statusCode, body } = await pool.request({
    method: 'GET',
    path: `${base}${path}?${query}`,
    headers: { authorization: `Bearer ${endpoint.token}`, accept: 'application/json' },
  });
  if (statusCode !== 200) throw new Error(`${path}: HTTP ${statusCode} ${await body.text()}`);
  return (await body.json()) as { data: unknown[]; pageToken: string | null };
}

async function* walk(
  pool: Pool,
  endpoint: ProducerEndpoint,
  path: string,
  first: URLSearchParams,
  limit: number,
): AsyncGenerator<unknown[]> {
  let page = await getJson(pool, endpoint, path, first);
  yield page.data;
  while (page.pageToken !== null) {
    page = await getJson(pool, endpoint, path, new URLSearchParams({ limit: String(limit), pageToken: page.pageToken }));
    yield page.data;
  }
}

/** Ids of the register's school units (not timed: the same list the summary fetches first). */
export async function schoolUnitIds(register: ProducerEndpoint): Promise<string[]> {
  const pool = new Pool(new URL(register.url).origin, { connections: 1 });
  const ids: string[] = [];
  for await (const page of walk(pool, register, '/organisations', new URLSearchParams({ type: 'Skolenhet', limit: '1000' }), 1000)) {
    for (const organisation of page) ids.push((organisation as { id: string }).id);
  }
  await pool.close();
  return ids;
}

export async function downloadAggregated(
  attendance: ProducerEndpoint,
  units: readonly string[],
  window: { startDate: string; endDate: string },
  /** referenceNames: send expandReferenceNames=true, as the gateway does for a scoped caller (person references then carry securityMarking). */
  options: { pageSize: number; concurrency: number; referenceNames: boolean },
): Promise<DownloadResult> {
  const pool = new Pool(new URL(attendance.url).origin, { connections: options.concurrency });
  const result = { rows: 0, requests: 0 };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < units.length) {
      const unit = units[next++]!;
      const query = new URLSearchParams({ ...window, organisation: unit, limit: String(options.pageSize) });
      if (options.referenceNames) query.set('expandReferenceNames', 'true');
      for await (const page of walk(pool, attendance, '/aggregatedAttendance', query, options.pageSize)) {
        result.rows += page.length;
        result.requests += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  await pool.close();
  return result;
}
