// Shared pieces of the change-feed scenarios: suppliers with webhooks, a webhook receiver, writes
// to the demo attendance producer, and waiting for an outcome (never for a duration).
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { hashApiKey, type PresetName } from '../../src/auth';
import type { Dataset } from '../../src/demo/dataset';
import type { RunningProducer } from '../../src/demo/producers';
import type * as W from '../../src/ss12000/wire';

export interface FeedSupplier {
  name: string;
  /** `all`, or school unit codes. */
  units: 'all' | string[];
  scopes: readonly PresetName[];
  protectedIdentities: 'alias' | 'exclude';
  webhook?: { url: string; secretVariable: string };
}

export const keyOf = (supplier: FeedSupplier | string): string => `${typeof supplier === 'string' ? supplier : supplier.name}-key`;

export async function writeFeedSuppliers(suppliers: readonly FeedSupplier[]): Promise<string> {
  const lines = ['suppliers:'];
  for (const supplier of suppliers) {
    lines.push(`  - name: ${supplier.name}`, '    apiKeys:', `      - sha256: ${hashApiKey(keyOf(supplier))}`);
    if (supplier.units === 'all') lines.push('    units: all');
    else lines.push('    units:', ...supplier.units.map((code) => `      - schoolUnitCode: '${code}'`));
    lines.push(`    scopes: [${supplier.scopes.join(', ')}]`, `    protectedIdentities: ${supplier.protectedIdentities}`);
    if (supplier.webhook)
      lines.push('    webhook:', `      url: ${supplier.webhook.url}`, `      secret: '\${${supplier.webhook.secretVariable}}'`);
  }
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'suppliers-changes-')), 'suppliers.yaml');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A supplier's webhook endpoint: records every POST, answers `status` (settable: 503 = down). */
export interface HookReceiver {
  url: string;
  received: ReceivedHook[];
  status: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<HookReceiver> {
  const receiver: HookReceiver = { url: '', received: [], status: 204, close: async () => undefined };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (receiver.status < 300) receiver.received.push({ headers: request.headers, body });
      response.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

/** Whether the webhook carries a valid signature under `secret` (as a supplier checks it). */
export function signedWith(secret: string, hook: ReceivedHook): boolean {
  const timestamp = String(hook.headers['x-ss12000-timestamp']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${hook.body}`).digest('hex')}`;
  return hook.headers['x-ss12000-signature'] === expected;
}

/** Calls `probe` until it returns something other than undefined/false; fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function producerCall(
  producer: RunningProducer,
  method: string,
  pathAndQuery: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${producer.url}${pathAndQuery}`, {
    method,
    headers: { authorization: `Bearer ${producer.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

export interface Places {
  /** A school unit's code and id, and an unprotected student enrolled there. */
  unit: { code: string; id: string };
  inside: W.Person;
  /** An unprotected student enrolled at another unit. */
  outside: W.Person;
  /** A protected student (securityMarking other than Ingen) of any unit. */
  protectedStudent: W.Person;
}

const enroledAt = (person: W.Person): string | undefined => person.enrolments?.[0]?.enroledAt.id;

export function places(dataset: Dataset): Places {
  const students = [...dataset.persons.values()].filter((person) => enroledAt(person) !== undefined);
  const open = students.filter((person) => person.securityMarking === 'Ingen');
  const inside = open[0]!;
  const unitId = enroledAt(inside)!;
  const unit = dataset.organisations.get(unitId) as W.Organisation;
  return {
    unit: { code: unit.schoolUnitCode!, id: unitId },
    inside,
    outside: open.find((person) => enroledAt(person) !== unitId)!,
    protectedStudent: students.find((person) => person.securityMarking !== 'Ingen')!,
  };
}

/** A reported absence of `student` at its school unit, as the attendance producer takes it. */
export const absenceOf = (student: W.Person): Record<string, unknown> => ({
  type: 'Anmäld frånvaro',
  startTime: '2026-10-05T08:00:00+02:00',
  endTime: '2026-10-05T16:00:00+02:00',
  student: { id: student.id },
  organisation: { id: enroledAt(student) },
});

export const FEED = `query ($since: String, $types: [ChangeType!], $first: Int) {
  changes(since: $since, types: $types, first: $first) { edges { cursor node { type id change at } } pageInfo { hasNextPage endCursor } }
}`;

export interface FeedNode {
  type: string;
  id: string;
  change: 'MODIFIED' | 'DELETED';
  at: string;
}

export interface FeedAnswer {
  changes: { edges: { cursor: string; node: FeedNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } | null;
}

export interface ScratchDatabase {
  readonly url: string;
  create(): Promise<void>;
  drop(): Promise<void>;
  /** Rows of `sql`, run in this database. */
  query<T extends object = Record<string, unknown>>(sql: string): Promise<T[]>;
}

const POSTGRES = 'postgres://postgres@127.0.0.1:5432';

const runSql = async <T extends object>(url: string, sql: string): Promise<T[]> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
};

/** A database of the test's own on the local PostgreSQL (other tests run beside it): `prefix_<random>`. */
export function scratchDatabase(prefix: string): ScratchDatabase {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const url = `${POSTGRES}/${name}`;
  return {
    url,
    create: async () => void (await runSql(`${POSTGRES}/postgres`, `CREATE DATABASE ${name}`)),
    drop: async () => void (await runSql(`${POSTGRES}/postgres`, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    query: (sql) => runSql(url, sql),
  };
}
