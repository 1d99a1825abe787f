import type { Caller } from '../auth';

/** What the gateway knows per request: the authenticated caller, signed on to every subgraph request. */
export interface GatewayContext {
  caller: Caller;
}
