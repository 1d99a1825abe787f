// The gateway's authenticator over the suppliers file, reloaded on change (a bad edit keeps the last
// good config). Both the embedded stack and the deployed gateway start it the same way.
import { randomBytes } from 'node:crypto';
import { createAuthenticator, type Authenticator, type OrganisationNode, type SuppliersConfig, watchSuppliersConfig } from '../auth';
import { logger } from '../config/logger';

export interface SupplierAuth {
  authenticator: Authenticator;
  /** The config in force (the last good load). */
  config(): SuppliersConfig;
  close(): void;
}

/**
 * `organisationTree` reads the tree units expand over (sub-units, schoolUnitCode): at start and again
 * after each reload of the suppliers file. Without a tree (none given, or the read failed) a listed
 * id covers only itself and a schoolUnitCode nothing: missing knowledge narrows access, never widens it.
 */
export async function startSupplierAuth(
  suppliersPath: string,
  organisationTree?: () => readonly OrganisationNode[] | Promise<readonly OrganisationNode[]>,
): Promise<SupplierAuth> {
  let tree: readonly OrganisationNode[] = [];
  const refreshTree = async (): Promise<void> => {
    if (!organisationTree) return;
    try {
      tree = await organisationTree();
    } catch (error) {
      logger.error({ err: error }, 'could not read the organisation tree; supplier units cover only the ids listed');
    }
  };
  await refreshTree();
  const watch = await watchSuppliersConfig(suppliersPath, {
    logger,
    onReload: (outcome) => {
      if ('config' in outcome) void refreshTree();
    },
  });
  const authenticator = createAuthenticator({ config: watch.current, organisations: () => tree, logger });
  return { authenticator, config: watch.current, close: () => watch.close() };
}

/** A fresh signing secret for a process that runs gateway and subgraphs together (never leaves it). */
export const generateCallerSecret = (): string => randomBytes(32).toString('base64url');
