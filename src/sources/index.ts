// The gateway's SS 12000 sources: HTTP and SS 12000 only, no GraphQL, no permissions.
// `createSourceClients` once at start (pools, token caches); `forRequest(scope)` per GraphQL request
// (loaders, and the caller's row scope: units and protected identities are enforced here).
import { createHmac, randomBytes } from 'node:crypto';
import { PRODUCERS, type ProducerName } from '../ss12000/resources';
import { attendanceDomain } from './attendance';
import { gradesDomain } from './grades';
import { registerDomain } from './register';
import { scheduleDomain } from './schedule';
import { createTokenProvider } from './shared/auth';
import { capableClient, ProducerCapabilities, unsupportedSource } from './shared/capabilities';
import { changeSource } from './shared/change-source';
import type { SourcesConfig } from './shared/config';
import type { DomainSpec } from './shared/domain';
import { ProducerHttpClient } from './shared/http-client';
import { createProducerSource, type ProducerParts } from './shared/producer-source';
import { PayloadChecker } from './shared/validate';
import { notCalledSource } from './shared/not-called';
import { aliasNamer } from './scope/alias';
import { scopeSources } from './scope/scoped-sources';
import { isUnrestricted, type RowScope } from './shared/row-scope';
import type { SourceClients, SourceClientsOptions, Sources } from './types';

export type {
  ListOptions,
  LoadOptions,
  ProducerSource,
  QueryValue,
  SourceClients,
  SourceClientsOptions,
  Sources,
  WritableName,
  Written,
} from './types';
export type { ProducerAuth, ProducerConfig, SourcesConfig } from './shared/config';
export { isUnrestricted, UNRESTRICTED, type RowScope } from './shared/row-scope';
export { fetchOrganisationTree, type OrganisationTreeNode } from './scope/organisation-tree';
export * from './shared/errors';
export { reportMismatch as reportFilterMismatch } from './shared/filter-checks';
export { isUpstreamUnsupported, UpstreamUnsupportedError } from './shared/capabilities';
export { ProducerNotCalledError } from './shared/not-called';
export { resourceOfEntity, type ChangeSource, type ModifiedRow } from './shared/change-source';

const DOMAINS: Record<ProducerName, DomainSpec> = {
  register: registerDomain,
  schedule: scheduleDomain,
  attendance: attendanceDomain,
  grades: gradesDomain,
};

export function createSourceClients(config: SourcesConfig, options: SourceClientsOptions = {}): SourceClients {
  const validatePayloads = options.validatePayloads ?? true;
  const aliasNames = aliasNamer(options.aliasSecret);
  // Seals the pageTokens handed to callers (scoped-sources.ts): from the same secret, so every
  // subgraph process of a deployment accepts the others' cursors.
  const pageTokenKey = createHmac('sha256', options.aliasSecret ?? randomBytes(32).toString('hex'))
    .update('ss12000-page-token')
    .digest();
  const parts: Partial<Record<ProducerName, ProducerParts>> = {};
  const closers: (() => Promise<void>)[] = [];
  // The producers this process calls (default: all): no other gets a client, or has its config read.
  const calls = new Set(options.calls ?? PRODUCERS);
  for (const producer of PRODUCERS) {
    if (!calls.has(producer)) continue;
    const producerConfig = config[producer];
    // A producer the municipality does not have: its paths answer UPSTREAM_UNSUPPORTED (capabilities.ts).
    if (producerConfig === undefined) continue;
    const auth = createTokenProvider(producer, producerConfig.auth, { timeoutMs: producerConfig.timeoutMs });
    const capabilities = new ProducerCapabilities(producer, producerConfig.capabilities);
    const http = capableClient(new ProducerHttpClient(producer, producerConfig, auth), capabilities);
    closers.push(
      () => http.close(),
      () => auth.close(),
    );
    const checker = new PayloadChecker(producer, validatePayloads, { strict: producerConfig.strict, timeZone: producerConfig.timeZone });
    parts[producer] = { domain: DOMAINS[producer], config: producerConfig, http, checker, capabilities };
    if (producerConfig.capabilities?.probe === true) void capabilities.probe(http);
  }
  const sourceOf = (producer: ProducerName) => {
    if (!calls.has(producer)) return notCalledSource(producer, options.process ?? 'this process');
    return parts[producer] === undefined ? unsupportedSource(producer) : createProducerSource(parts[producer]);
  };
  return {
    forRequest: (scope: RowScope): Sources => {
      const raw: Sources = {
        register: sourceOf('register'),
        schedule: sourceOf('schedule'),
        attendance: sourceOf('attendance'),
        grades: sourceOf('grades'),
      };
      return isUnrestricted(scope) ? raw : scopeSources(raw, scope, aliasNames, pageTokenKey);
    },
    changes: (producer) => {
      const part = parts[producer];
      if (part === undefined) return undefined;
      return changeSource(
        producer,
        part.http,
        part.capabilities ?? new ProducerCapabilities(producer),
        () => createProducerSource(part),
        part.config.capabilities?.subscriptions !== false,
      );
    },
    breakers: () =>
      Object.fromEntries(PRODUCERS.flatMap((producer) => (parts[producer] ? [[producer, parts[producer].http.breakerState]] : []))),
    close: async () => {
      await Promise.all(closers.map((close) => close()));
    },
  };
}
