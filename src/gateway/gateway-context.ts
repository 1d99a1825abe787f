import type { Caller } from '../auth';

/** What the gateway knows per request: the authenticated caller, signed on to every subgraph request. */
export interface GatewayContext {
  caller: Caller;
  /** The sha256 of the document when the request named one (APQ or a trusted document); set by persisted-documents.ts. */
  documentId?: string;
  /** The request's Idempotency-Key header was sent but is unusable: refused with a 400 (idempotency-key.ts). */
  badIdempotencyKey?: true;
}
