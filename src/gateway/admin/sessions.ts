// Console sessions: signing in with an admin key or token gives a random session token the console keeps
// in sessionStorage and sends as a bearer token. No cookie, so no request is ever made with it by the
// browser on its own (CSRF has nothing to ride on); the token dies with the tab, on sign-out or after
// SESSION_TTL_MS. Kept in memory by digest: a restart signs everyone out.
import { createHash, randomBytes } from 'node:crypto';
import type { Admin } from '../../auth/admin-auth';

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
// Far above a municipality's administrators; bounds memory against a loop signing in.
const MAX_SESSIONS = 1000;
// Never a JWT's shape (no dots), never a supplier key's length (32 bytes base64url is 43 characters).
const PREFIX = 'console_';

const digest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export interface Sessions {
  open(admin: Admin): { token: string; expiresAt: string };
  /** The administrator of a live session token, or null. */
  find(token: string): Admin | null;
  close(token: string): void;
}

export const createSessions = (now: () => number = Date.now): Sessions => {
  const live = new Map<string, { admin: Admin; expires: number }>();
  const sweep = (): void => {
    for (const [key, session] of live) if (session.expires <= now()) live.delete(key);
  };
  return {
    open: (admin) => {
      sweep();
      // The oldest goes first when full (Map keeps insertion order).
      if (live.size >= MAX_SESSIONS) live.delete(live.keys().next().value as string);
      const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
      const expires = now() + SESSION_TTL_MS;
      live.set(digest(token), { admin, expires });
      return { token, expiresAt: new Date(expires).toISOString() };
    },
    find: (token) => {
      if (!token.startsWith(PREFIX)) return null;
      const session = live.get(digest(token));
      if (!session || session.expires <= now()) return null;
      return session.admin;
    },
    close: (token) => void live.delete(digest(token)),
  };
};
