// The caller as issue 4's enforcement puts it on the context. Read defensively: a deployment (or
// a test stack) without supplier authentication has none, and then nothing is narrowed.
import type { Caller } from '../../../auth';
import type { SubgraphContext } from '../../shared/context';

export const callerOf = (ctx: SubgraphContext): Caller | undefined => (ctx as SubgraphContext & { caller?: Caller }).caller;
