import { logger } from '../config/logger';

// After the grace period the servers have cut what was still in flight; this much more for closing
// pools and watchers, then the process exits whatever is still pending.
const EXIT_MARGIN_MS = 1_000;

export interface SignalTarget {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

/**
 * Close everything on SIGINT/SIGTERM, once; a second signal while closing exits at once. Requests in
 * flight get `graceMs` to finish (the servers' drain is given the same period); the process exits
 * as soon as everything is closed, and at the latest `graceMs` + 1 s after the signal.
 */
export function closeOnSignals(close: () => Promise<void>, graceMs = 10_000, target: SignalTarget = process): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      logger.warn({ signal }, 'second signal while shutting down: exiting now');
      target.exit(1);
      return;
    }
    closing = true;
    logger.info({ signal, graceMs }, 'shutting down');
    const late = setTimeout(() => {
      logger.warn({ graceMs }, 'still closing after the grace period: exiting now');
      target.exit(0);
    }, graceMs + EXIT_MARGIN_MS);
    late.unref();
    close().then(
      () => {
        clearTimeout(late);
        target.exit(0);
      },
      (error: unknown) => {
        clearTimeout(late);
        logger.error({ err: error }, 'error while shutting down');
        target.exit(1);
      },
    );
  };
  target.on('SIGINT', onSignal);
  target.on('SIGTERM', onSignal);
}
