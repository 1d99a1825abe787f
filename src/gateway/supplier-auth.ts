// The gateway's authenticator over the suppliers file, reloaded on change (a bad edit keeps the last
// good config). Both the embedded stack and the deployed gateway start it the same way.
import { randomBytes } from 'node:crypto';
import { createAuthenticator, type Authenticator, type OrganisationNode, watchSuppliersConfig } from '../auth';
import { logger } from '../config/logger';

export interface SupplierAuth {
  authenticator: Authenticator;
  close(): void;
}

/**
 * `organisations`: the tree units expand over (sub-units, schoolUnitCode). Without it a listed id
 * covers only itself and a schoolUnitCode nothing: missing knowledge narrows access, never widens it.
 */
export async function startSupplierAuth(suppliersPath: string, organisations?: () => readonly OrganisationNode[]): Promise<SupplierAuth> {
  const watch = await watchSuppliersConfig(suppliersPath, { logger });
  const authenticator = createAuthenticator({ config: watch.current, organisations, logger });
  return { authenticator, close: () => watch.close() };
}

/** A fresh signing secret for a process that runs gateway and subgraphs together (never leaves it). */
export const generateCallerSecret = (): string => randomBytes(32).toString('base64url');
