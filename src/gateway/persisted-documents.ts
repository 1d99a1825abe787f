// Documents sent by id, per supplier: Apollo's automatic persisted queries (APQ) and trusted documents.
//
// Apollo's own APQ cache is keyed by the hash alone, so a supplier sending another supplier's hash learnt
// whether (and what) that supplier ran. Here every supplier has its own APQ space in the shared store
// (src/state): a hash one supplier registered is PERSISTED_QUERY_NOT_FOUND to every other. With REDIS_URL
// the spaces are in Redis, so a document registered through one gateway replica runs by hash on every
// other; without the store (Redis down) a hash is not found and the client sends the text again, as APQ
// clients do, and that request runs: a Redis outage costs bytes on the wire, never an answer.
// A supplier with trustedDocuments (suppliers file, src/auth/trusted-documents.ts) runs its registered
// documents by id; in safelist mode nothing else. Those are configuration, read from the file by every
// replica, and never kept in the store.
//
// The rules are engine-free (createPersistedDocuments): the Apollo plugin below and the Hive plugin
// (src/hive) both call them. On Apollo they run at requestDidStart, before Apollo reads the document: the id is resolved to its text here, and
// Apollo's APQ is off (persistedQueries: false). A refused request never reaches the parser: Apollo gets
// a placeholder document and the refusal is thrown at didResolveOperation, the hook Apollo documents for
// refusing a request, so the answer, the audit line and the metrics go the way of any other request.
//
// The id comes as `extensions.persistedQuery.sha256Hash` (APQ, version 1) or as `documentId` (GraphQL over
// HTTP's trusted documents: a POST body field or a GET parameter, "sha256:<hex>" or "<hex>").
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { sha256Hex, type TrustedDocuments } from '../auth/trusted-documents';
import { orWhenUnavailable, type SharedStore, type StoreSpace } from '../state';
import type { GatewayContext } from './gateway-context';

export interface PersistedDocumentsOptions {
  /** The supplier's trusted documents as the suppliers file in force says, or undefined. */
  trustedDocuments(supplier: string): TrustedDocuments | undefined;
  /** Where APQ registrations live (Redis: shared by the gateway's replicas). */
  store: SharedStore;
  /** Memory store only: characters of query text one supplier's APQ space holds (least recently used go first). Default 4 Mi. */
  apqBytesPerSupplier?: number;
}

// A registration lasts a day (APQ clients register again on a miss); refreshed by nobody.
const APQ_TTL_MS = 24 * 60 * 60_000;

const PLACEHOLDER = '{ __typename }';
const SHA256 = /^[0-9a-f]{64}$/;

// The headers as a plain record: each engine hands them over its own way (Apollo wants a HeaderMap).
const refusal = (message: string, code: string, status: number, headers: Record<string, string> = {}): GraphQLError =>
  new GraphQLError(message, { extensions: { code, http: { status, headers } } });

// As Apollo answers it, so APQ clients (Apollo Client's persisted-queries link) send the text and retry.
const apqNotFound = (): GraphQLError =>
  refusal('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND', 200, { 'cache-control': 'private, no-cache, must-revalidate' });

interface SentId {
  hash: string | undefined;
  error?: GraphQLError;
}

const badInput = (message: string): GraphQLError => refusal(message, 'BAD_USER_INPUT', 400);

/** The document id the request names, if any; an error for a malformed or contradictory one. */
const sentId = (
  extensions: Record<string, unknown> | undefined,
  http: { method: string; search: string; body: unknown } | undefined,
): SentId => {
  const persisted = extensions?.['persistedQuery'] as { version?: unknown; sha256Hash?: unknown } | undefined;
  let apqHash: string | undefined;
  if (persisted !== undefined) {
    if (typeof persisted !== 'object' || persisted === null || persisted.version !== 1) {
      return { hash: undefined, error: badInput('extensions.persistedQuery must be {"version": 1, "sha256Hash": "<64 hex digits>"}.') };
    }
    if (typeof persisted.sha256Hash !== 'string' || !SHA256.test(persisted.sha256Hash)) {
      return { hash: undefined, error: badInput('extensions.persistedQuery.sha256Hash must be a sha256: 64 lowercase hex digits.') };
    }
    apqHash = persisted.sha256Hash;
  }
  const raw =
    http?.method === 'GET'
      ? (new URLSearchParams(http.search).get('documentId') ?? undefined)
      : typeof http?.body === 'object' && http.body !== null
        ? (http.body as Record<string, unknown>)['documentId']
        : undefined;
  if (raw === undefined || raw === null) return { hash: apqHash };
  const documentId = typeof raw === 'string' ? /^(?:sha256:)?([0-9a-f]{64})$/.exec(raw)?.[1] : undefined;
  if (documentId === undefined) return { hash: undefined, error: badInput('documentId must be "sha256:<64 lowercase hex digits>".') };
  if (apqHash !== undefined && apqHash !== documentId) {
    return { hash: undefined, error: badInput('documentId and extensions.persistedQuery.sha256Hash name different documents.') };
  }
  return { hash: documentId };
};

/** A GraphQL request as the engines hand it over before parsing: the fields this module reads and fills in. */
export interface DocumentRequest {
  query?: string;
  extensions?: Record<string, unknown>;
  http?: { method: string; search: string; body: unknown };
}

export interface DocumentDecision {
  /** The document id the request named, for the audit line (whether it runs or is refused). */
  documentId?: string;
  /** The query text to run: the text the id names, or the text sent. */
  query?: string;
  /** Answer this instead of running anything. */
  refused?: GraphQLError;
  /** Once the operation validated: store its text as this supplier's APQ (never fails: a store outage costs a later miss). */
  register?: () => Promise<unknown>;
}

export interface PersistedDocuments {
  decide(request: DocumentRequest, supplier: string): Promise<DocumentDecision>;
}

/** The per-supplier document stores and rules, engine-free: the Apollo plugin below and the Hive plugin (src/hive) call it. */
export const createPersistedDocuments = (options: PersistedDocumentsOptions): PersistedDocuments => {
  const maxChars = options.apqBytesPerSupplier ?? 4 * 1024 * 1024;
  // The supplier names the space (its own LRU in memory, its own key prefix in Redis): no key of one supplier's is another's.
  const apqOf = (supplier: string): StoreSpace =>
    options.store.space(`apq:${supplier}`, { ttlMs: APQ_TTL_MS, maxEntryChars: maxChars, maxChars });
  const registered = async (supplier: string, hash: string): Promise<string | undefined> =>
    (await orWhenUnavailable(() => apqOf(supplier).getMany([hash]), []))[0];
  const register = (supplier: string, hash: string, text: string): Promise<unknown> =>
    orWhenUnavailable(() => apqOf(supplier).setMany([[hash, text]]), false);

  const decideFor = async (request: DocumentRequest, supplier: string, sent: SentId): Promise<Omit<DocumentDecision, 'documentId'>> => {
    if (sent.error) return { refused: sent.error };
    const trusted = options.trustedDocuments(supplier);
    const safelist = trusted?.mode === 'safelist';
    const { hash } = sent;
    if (hash === undefined) {
      if (!safelist) return { query: request.query };
      return {
        refused: refusal(
          `Supplier ${supplier} may run only its registered documents: send the document's id (documentId or extensions.persistedQuery.sha256Hash) without the query text.`,
          'FORBIDDEN',
          403,
        ),
      };
    }
    const trustedText = trusted?.documents.get(hash);
    if (request.query === undefined || request.query === '') {
      const text = trustedText ?? (safelist ? undefined : await registered(supplier, hash));
      if (text === undefined) {
        return {
          refused: safelist
            ? refusal(`Supplier ${supplier} has no registered document with id sha256:${hash}.`, 'PERSISTED_QUERY_NOT_FOUND', 404)
            : apqNotFound(),
        };
      }
      return { query: text };
    }
    if (sha256Hex(request.query) !== hash) {
      return {
        refused: badInput(
          'The document id (extensions.persistedQuery.sha256Hash or documentId) is not the sha256 of the query text sent with it.',
        ),
      };
    }
    if (trustedText !== undefined) return { query: request.query };
    if (safelist) {
      return {
        refused: refusal(
          `Supplier ${supplier} may run only its registered documents; sha256:${hash} is not one of them.`,
          'FORBIDDEN',
          403,
        ),
      };
    }
    // APQ registration: stored once the operation has validated, as Apollo does.
    const text = request.query;
    return { query: text, register: () => register(supplier, hash, text) };
  };

  return {
    decide: async (request, supplier) => {
      const sent = sentId(request.extensions, request.http);
      return { ...(sent.hash === undefined ? {} : { documentId: sent.hash }), ...(await decideFor(request, supplier, sent)) };
    },
  };
};

/** Apollo's HeaderMap in place of the plain record a refusal carries. */
const forApollo = (error: GraphQLError): GraphQLError => {
  const http = error.extensions['http'] as { status: number; headers: Record<string, string> };
  const extensions: Record<string, unknown> = {
    ...error.extensions,
    http: { status: http.status, headers: new HeaderMap(Object.entries(http.headers)) },
  };
  return new GraphQLError(error.message, { extensions });
};

export const persistedDocumentsPlugin = (options: PersistedDocumentsOptions): ApolloServerPlugin<GatewayContext> => {
  const documents = createPersistedDocuments(options);
  return {
    requestDidStart: async ({ request, contextValue }) => {
      const decision = await documents.decide(request, contextValue.caller.supplier);
      // For the audit line: the id the request named, whether it ran or was refused (its status says which).
      if (decision.documentId !== undefined) contextValue.documentId = decision.documentId;

      // Apollo's APQ is off: it would answer PERSISTED_QUERY_NOT_SUPPORTED to an extension left in place.
      if (request.extensions?.['persistedQuery'] !== undefined) {
        const { persistedQuery: _persisted, ...rest } = request.extensions;
        request.extensions = rest;
      }
      if (decision.refused) {
        request.query = PLACEHOLDER;
        request.operationName = undefined;
        request.variables = undefined;
      } else request.query = decision.query;
      return {
        didResolveOperation: async () => {
          if (decision.refused) throw forApollo(decision.refused);
          await decision.register?.();
        },
      };
    },
  };
};
