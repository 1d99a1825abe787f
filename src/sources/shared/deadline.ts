// The deadline of the GraphQL request being served, carried through the async calls it makes
// (AsyncLocalStorage), so every producer call it causes, however deep in a DataLoader batch, stops
// when the request's time is up. The gateway sets it per request and sends the remaining budget to
// each subgraph (DEADLINE_HEADER); a subgraph sets its own from that header. Outside a request (the
// organisation tree at start, the sources' own tests) there is none: producer timeouts alone apply.
import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<number>();

/** Milliseconds the receiver may spend on the request, as the sender measured it when sending. */
export const DEADLINE_HEADER = 'x-ss12000-budget-ms';

// A budget longer than this is not believed (a subgraph is reached only with a signed caller, but
// a bad value must not keep a request alive for days).
const MAX_BUDGET_MS = 10 * 60_000;

/** Runs `fn` with `deadline` (epoch ms) in force; without one, as is. */
export const withDeadline = <T>(deadline: number | undefined, fn: () => T): T =>
  deadline === undefined ? fn() : storage.run(deadline, fn);

/** The current request's deadline (epoch ms), if any. */
export const currentDeadline = (): number | undefined => storage.getStore();

/** Milliseconds left before the current deadline (Infinity without one). */
export const remainingMs = (now = Date.now()): number => {
  const deadline = currentDeadline();
  return deadline === undefined ? Infinity : deadline - now;
};

/**
 * A subgraph's deadline from the gateway's header: the budget minus `marginMs`, so the subgraph answers
 * (with what it has) before the gateway stops waiting for it.
 */
export function deadlineFromHeader(value: string | string[] | undefined, marginMs: number, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d{1,9}$/.test(text.trim())) return undefined;
  const budget = Math.min(Number(text), MAX_BUDGET_MS);
  return now + Math.max(0, Math.floor(budget - Math.min(marginMs, budget / 10)));
}
