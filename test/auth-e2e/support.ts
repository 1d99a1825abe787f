// Helpers for the access tests: raw requests to the gateway and straight to a subgraph, and
// callers signed (or forged) the way the gateway signs them. Reusable by every access suite.
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { signedSubgraphRequest, type Caller, type PresetName } from '../../src/auth';
import type { ProducerName } from '../../src/ss12000/resources';
import type { GraphQLResponse } from '../support/e2e';

export type Response = GraphQLResponse & { status: number };

/** POST a body exactly as given (a captured one, say) to a GraphQL URL with the given headers. */
export const postRaw = async (url: string, body: string, headers: Record<string, string> = {}): Promise<Response> => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, ...(JSON.parse(text) as GraphQLResponse) };
};

/** POST any body (an array for a batch) to a GraphQL URL with the given headers. */
export const post = async (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  postRaw(url, JSON.stringify(body), headers);

/** POST `request` straight to one subgraph, signed for `caller` as the gateway signs it (for that subgraph and that body). */
export const postSigned = async (
  url: string,
  subgraph: ProducerName,
  request: { query: string; variables?: Record<string, unknown> },
  caller: Caller,
  secret: string,
): Promise<Response> => {
  const signed = signedSubgraphRequest(caller, request, subgraph, secret);
  return postRaw(url, signed.body, signed.headers);
};

export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

/** A caller as the gateway would forward it. */
export const callerWith = (scopes: readonly PresetName[], overrides: Partial<Caller> = {}): Caller => ({
  supplier: 'demo-lms',
  units: 'all',
  scopes,
  protectedIdentities: 'alias',
  minGroupSize: undefined,
  issuedAt: Date.now(),
  ...overrides,
});

export const LMS_SCOPES: readonly PresetName[] = ['standard', 'students', 'groups', 'duties', 'schoolEmail'];
export const FULL_SCOPES: readonly PresetName[] = [
  'standard',
  'students',
  'groups',
  'duties',
  'activities',
  'grades',
  'studyplans',
  'placements',
  'responsibles',
  'attendance',
  'email',
  'phoneNumbers',
  'addresses',
  'civicNo',
  'identifiers',
  'sex',
  'birthDate',
  'photo',
];

/** The `_entities` request the gateway would send to fetch a Person's fields by id. */
export const entitiesRequest = (typeName: string, id: string, selection: string) => ({
  query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typeName} { ${selection} } } }`,
  variables: { representations: [{ __typename: typeName, id }] },
});

/** An audit logger whose JSON lines the test can read. */
export const auditCapture = (): { logger: Logger; lines: () => Record<string, unknown>[] } => {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  return {
    logger: pino({ name: 'audit', base: undefined }, stream),
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
};

export const codes = (response: GraphQLResponse): string[] => (response.errors ?? []).map((error) => String(error.extensions?.['code']));
