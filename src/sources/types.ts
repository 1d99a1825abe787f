// The sources' public contract, as the resolvers code against it.
import type { ListName, ListTypes, ProducerName, ResourceName, ResourceTypes } from '../ss12000/resources';
import type { Page } from '../ss12000/wire';
import type { ChangeSource } from './shared/change-source';
import type { ProducerConfig } from './shared/config';
import type { QueryValue } from './shared/query';
import type { RowScope } from './shared/row-scope';
import type { BreakerState } from './shared/resilience';

export type { QueryValue };

/** The collections SS 12000 lets a client write (all the attendance producer's): POST /X, and DELETE /X/{id} where the spec has it. */
export interface Written<T> {
  readonly id: string;
  readonly row: T | null;
}

export type WritableName = 'attendances' | 'attendanceEvents' | 'attendanceSchedule' | 'absences';

export interface ListOptions {
  /** Page size; the producer's configured `pageSize` when absent. */
  limit?: number;
  /** From the previous page; the query's filters are then not sent (the spec's rule), but the rows are still checked against them (pass the query the token came with). */
  pageToken?: string;
}

export interface LoadOptions {
  /** `expand` values as the spec names them (e.g. ['groupMemberships']); part of the loader key. */
  expand?: readonly string[];
  /** Send `expandReferenceNames=true`: references carry displayName, person references securityMarking. Part of the loader key. */
  referenceNames?: boolean;
}

/** One per producer PER GraphQL REQUEST: holds that request's DataLoaders. */
export interface ProducerSource {
  readonly producer: ProducerName;
  /** The producer's settings that shape how aggregations page and fan out, and the zone its data lives in. */
  readonly tuning: Readonly<Pick<ProducerConfig, 'pageSize' | 'maxConcurrency' | 'summarySource'> & { timeZone: string }>;
  /** One page of GET /X. Query params as the spec names them ('meta.modified.after', 'startTime.onOrAfter', arrays repeat the key). With pageToken, only limit is sent. */
  list<N extends ListName>(name: N, query: Record<string, QueryValue>, options?: ListOptions): Promise<Page<ListTypes[N]>>;
  /** Every page of GET /X as they arrive (for aggregations; bounded memory). */
  pages<N extends ListName>(name: N, query: Record<string, QueryValue>, pageSize?: number): AsyncIterable<ListTypes[N][]>;
  /** Batched by id over POST /X/lookup {ids} (parallel GET /X/{id} where the path has no lookup). null when the producer does not know the id. */
  load<R extends ResourceName>(name: R, id: string, options?: LoadOptions): Promise<ResourceTypes[R] | null>;
  loadMany<R extends ResourceName>(name: R, ids: readonly string[], options?: LoadOptions): Promise<(ResourceTypes[R] | null)[]>;
  /** Batched reverse lookup: all rows of R whose lookup body field `field` matches `key` (see each domain's index.ts for the fields). */
  loadBy<R extends ResourceName>(name: R, field: string, key: string): Promise<ResourceTypes[R][]>;
  /**
   * POST /X: the id the producer gave the row and the row as stored (id and meta included), checked
   * like any row and, under a row scope, passed through the Gate (`row` null: written, but not a row
   * the caller may see). Sent once, never retried (http-client.ts).
   */
  write<R extends WritableName>(name: R, body: Record<string, unknown>): Promise<Written<ResourceTypes[R]>>;
  /** DELETE /X/{id}: false when the producer does not know the id (404). Sent once. */
  remove(name: WritableName, id: string): Promise<boolean>;
}

export interface Sources {
  register: ProducerSource;
  schedule: ProducerSource;
  attendance: ProducerSource;
  grades: ProducerSource;
}

/** Long-lived: HTTP pools, token caches. */
export interface SourceClients {
  /** Fresh loaders for one GraphQL request, serving only the rows `scope` allows. */
  forRequest(scope: RowScope): Sources;
  /** What the change feed asks the producer (src/changes/); undefined for a producer not configured or not called here. */
  changes(producer: ProducerName): ChangeSource | undefined;
  /** Each configured producer's circuit breaker (sources/shared/resilience.ts), for /readyz. */
  breakers(): Partial<Record<ProducerName, BreakerState>>;
  close(): Promise<void>;
}

export interface SourceClientsOptions {
  /** Check every producer payload against the spec's schemas (default true; off for benchmarks). */
  validatePayloads?: boolean;
  /** Key for protected persons' alias names (HMAC of the person id). Give every process the same one, or aliases differ between subgraphs; random per process when absent. */
  aliasSecret?: string;
  /**
   * The producers this process calls (src/config/producer-calls.ts); every producer when absent.
   * Any other gets no client, and asking it fails (ProducerNotCalledError), never silently.
   */
  calls?: readonly ProducerName[];
  /** How that error names this process, e.g. "the grades subgraph". */
  process?: string;
}
