// Alias names for persons with protected identity: stable per person id (an HMAC, so the same
// person keeps the same alias across requests and subgraphs) and never derivable back to the id
// without the secret.
import { createHmac, randomBytes } from 'node:crypto';

export interface AliasName {
  readonly givenName: string;
  readonly familyName: string;
  /** As a reference's displayName. */
  readonly displayName: string;
}

export type AliasNamer = (personId: string) => AliasName;

const GIVEN_NAME = 'Skyddad';

export function aliasNamer(secret: string | undefined): AliasNamer {
  // Without a configured secret aliases are stable only within this process (one embedded stack).
  const key = secret ?? randomBytes(32).toString('hex');
  return (personId) => {
    const tag = createHmac('sha256', key).update(`ss12000-alias:${personId}`).digest('hex').slice(0, 8).toUpperCase();
    const familyName = `Person ${tag}`;
    return { givenName: GIVEN_NAME, familyName, displayName: `${GIVEN_NAME} ${familyName}` };
  };
}
