// The gateway's SS 12000 sources: HTTP and SS 12000 only, no GraphQL, no permissions.
// `createSourceClients` once at start (pools, token caches); `forRequest(scope)` per GraphQL request
// (loaders, and the caller's row scope: units and protected identities are enforced here).
import { PRODUCERS, type ProducerName } from '../ss12000/resources';
import { attendanceDomain } from './attendance';
import { gradesDomain } from './grades';
import { registerDomain } from './register';
import { scheduleDomain } from './schedule';
import { createTokenProvider } from './shared/auth';
import type { SourcesConfig } from './shared/config';
import type { DomainSpec } from './shared/domain';
import { ProducerHttpClient } from './shared/http-client';
import { createProducerSource, type ProducerParts } from './shared/producer-source';
import { PayloadChecker } from './shared/validate';
import { aliasNamer } from './scope/alias';
import { scopeSources } from './scope/scoped-sources';
import { isUnrestricted, type RowScope } from './shared/row-scope';
import type { SourceClients, SourceClientsOptions, Sources } from './types';

export type { ListOptions, LoadOptions, ProducerSource, QueryValue, SourceClients, SourceClientsOptions, Sources } from './types';
export type { ProducerAuth, ProducerConfig, SourcesConfig } from './shared/config';
export { isUnrestricted, UNRESTRICTED, type RowScope } from './shared/row-scope';
export { fetchOrganisationTree, type OrganisationTreeNode } from './scope/organisation-tree';
export * from './shared/errors';

const DOMAINS: Record<ProducerName, DomainSpec> = {
  register: registerDomain,
  schedule: scheduleDomain,
  attendance: attendanceDomain,
  grades: gradesDomain,
};

export function createSourceClients(config: SourcesConfig, options: SourceClientsOptions = {}): SourceClients {
  const validatePayloads = options.validatePayloads ?? true;
  const aliasNames = aliasNamer(options.aliasSecret);
  const parts = {} as Record<ProducerName, ProducerParts>;
  const closers: (() => Promise<void>)[] = [];
  for (const producer of PRODUCERS) {
    const producerConfig = config[producer];
    const auth = createTokenProvider(producer, producerConfig.auth, { timeoutMs: producerConfig.timeoutMs });
    const http = new ProducerHttpClient(producer, producerConfig, auth);
    closers.push(() => http.close(), () => auth.close());
    parts[producer] = { domain: DOMAINS[producer], config: producerConfig, http, checker: new PayloadChecker(producer, validatePayloads) };
  }
  return {
    forRequest: (scope: RowScope): Sources => {
      const raw: Sources = {
        register: createProducerSource(parts.register),
        schedule: createProducerSource(parts.schedule),
        attendance: createProducerSource(parts.attendance),
        grades: createProducerSource(parts.grades),
      };
      return isUnrestricted(scope) ? raw : scopeSources(raw, scope, aliasNames);
    },
    breakers: () => Object.fromEntries(PRODUCERS.map((producer) => [producer, parts[producer].http.breakerState])) as ReturnType<SourceClients['breakers']>,
    close: async () => {
      await Promise.all(closers.map((close) => close()));
    },
  };
}
