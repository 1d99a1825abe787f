// GraphiQL's fetcher: POST /graphql beside this page, the key as `Authorization: Bearer` (the header the
// gateway reads, src/auth/credentials.ts). A refusal is turned into a message GraphiQL shows in the
// response pane, so a page without a key explains itself instead of showing a bare 401.
import type { Fetcher } from '@graphiql/toolkit';
import { GraphQLError, type ExecutionResult } from 'graphql';

// Relative to the page: served at / or at /graphql (Accept: text/html), both find /graphql; behind a
// proxy that mounts the gateway under a prefix, the prefix is kept.
const graphqlUrl = (): string => new URL('graphql', window.location.href).toString();

const NO_KEY =
  'No supplier key yet: paste one in the field above. The schema, autocomplete and docs then show what that supplier may read.';
const BAD_KEY = 'The gateway did not accept this key (401): check it and paste it again.';

const failure = (message: string): ExecutionResult => ({ data: null, errors: [new GraphQLError(message)] });

export const supplierFetcher =
  (key: string): Fetcher =>
  async (params, options) => {
    const headers: Record<string, string> = {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...(key === '' ? {} : { authorization: `Bearer ${key}` }),
      ...(options?.headers as Record<string, string> | undefined),
    };
    // credentials: 'omit': the gateway authenticates by header only; no cookie is ever involved.
    const response = await fetch(graphqlUrl(), { method: 'POST', headers, body: JSON.stringify(params), credentials: 'omit' });
    if (response.status === 401) return failure(key === '' ? NO_KEY : BAD_KEY);
    const text = await response.text();
    try {
      return JSON.parse(text) as ExecutionResult;
    } catch {
      return failure(`The gateway answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    }
  };
