// The gateway's authenticator over the suppliers file, reloaded on change (a bad edit keeps the last
// good config). Both the embedded stack and the deployed gateway start it the same way.
import { randomBytes } from 'node:crypto';
import {
  callerFor,
  createAuthenticator,
  expandUnits,
  type Authenticator,
  type Caller,
  type OrganisationNode,
  type SuppliersConfig,
  watchSuppliersConfig,
} from '../auth';
import { logger } from '../config/logger';

export interface SupplierAuth {
  authenticator: Authenticator;
  /** The config in force (the last good load). */
  config(): SuppliersConfig;
  /**
   * Whether the organisation tree is known. Until it is, a supplier limited to some units must not be
   * served (its units cannot be expanded): the gateway answers it UPSTREAM_UNAVAILABLE.
   */
  organisationTreeKnown(): boolean;
  /**
   * The supplier as if it called now (units expanded), for work done on its behalf without a request
   * (the change feed's webhooks). Undefined when it is not configured, or its units cannot be expanded yet.
   */
  callerOf(supplier: string): Caller | undefined;
  close(): void;
}

export interface SupplierAuthOptions {
  /** First delay before reading the tree again after a failed read, in ms; doubles up to 30 s. Default 1000. */
  treeRetryMs?: number;
  /** Told of each accepted supplier credential (its key's sha256 hex digest, or 'jwt'): the console's last use. */
  onUse?: (supplier: string, key: string) => void;
}

const MAX_TREE_RETRY_MS = 30_000;

/**
 * `organisationTree` reads the tree units expand over (sub-units, schoolUnitCode): at start and again
 * after each reload of the suppliers file. A failed first read is retried in the background (backoff
 * from `treeRetryMs` up to 30 s) until it succeeds; a failed re-read keeps the tree already known.
 */
export async function startSupplierAuth(
  suppliersPath: string,
  organisationTree?: () => readonly OrganisationNode[] | Promise<readonly OrganisationNode[]>,
  options: SupplierAuthOptions = {},
): Promise<SupplierAuth> {
  const firstRetryMs = options.treeRetryMs ?? 1_000;
  let tree: readonly OrganisationNode[] | undefined = organisationTree ? undefined : [];
  let retryMs = firstRetryMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const refreshTree = async (): Promise<void> => {
    if (!organisationTree || closed) return;
    try {
      tree = await organisationTree();
      retryMs = firstRetryMs;
      clearTimeout(retryTimer);
      retryTimer = undefined;
    } catch (error) {
      // One line per failed read, no stack: the producer's failure is already named in the message.
      const reason = error instanceof Error ? error.message : String(error);
      if (tree !== undefined) {
        logger.warn({ reason }, 'could not re-read the organisation tree; keeping the one already known');
        return;
      }
      logger.warn(
        { reason, retryInMs: retryMs },
        'could not read the organisation tree; unit-scoped suppliers get UPSTREAM_UNAVAILABLE until it is read',
      );
      if (retryTimer === undefined && !closed) {
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          void refreshTree();
        }, retryMs);
        retryTimer.unref();
        retryMs = Math.min(MAX_TREE_RETRY_MS, retryMs * 2);
      }
    }
  };
  await refreshTree();
  const watch = await watchSuppliersConfig(suppliersPath, {
    logger,
    onReload: (outcome) => {
      if ('config' in outcome) void refreshTree();
    },
  });
  const authenticator = createAuthenticator({ config: watch.current, organisations: () => tree ?? [], logger, onUse: options.onUse });
  return {
    authenticator,
    config: watch.current,
    organisationTreeKnown: () => tree !== undefined,
    callerOf: (name) => {
      const supplier = watch.current().byName.get(name);
      if (supplier === undefined || (supplier.units !== 'all' && tree === undefined)) return undefined;
      return callerFor(supplier, expandUnits(supplier.units, tree ?? []).units, Date.now());
    },
    close: () => {
      closed = true;
      clearTimeout(retryTimer);
      watch.close();
    },
  };
}

/** A fresh signing secret for a process that runs gateway and subgraphs together (never leaves it). */
export const generateCallerSecret = (): string => randomBytes(32).toString('base64url');
