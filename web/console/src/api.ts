// The console's one way to the gateway: the admin API (docs/admin-api.md), with the session token kept
// in sessionStorage (gone with the tab) and sent as a bearer token. No cookie: nothing is sent unless
// this code sends it, so another site cannot make the browser act as the administrator.
const TOKEN_KEY = 'ss12000-console-session';

// The console is served at <gateway>/console/; its API beside it at <gateway>/admin/api/.
const API_BASE = new URL('../admin/api/', document.baseURI);

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Called when the session is gone (401): the app shows the sign-in form. */
let onSignedOut: () => void = () => undefined;
export const whenSignedOut = (handler: () => void): void => {
  onSignedOut = handler;
};

const request = async (method: string, path: string, body?: unknown, credential = session.token()): Promise<Response> => {
  const response = await fetch(new URL(path, API_BASE), {
    method,
    headers: {
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && path !== 'session') {
    session.clear();
    onSignedOut();
  }
  return response;
};

export const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await request(method, path, body);
  const json = (await response.json()) as T & { error?: { code: string; message: string } };
  if (!response.ok) throw new ApiError(response.status, json.error?.code ?? 'ERROR', json.error?.message ?? response.statusText);
  return json;
};

export const apiText = async (path: string): Promise<string> => {
  const response = await request('GET', path);
  if (!response.ok) throw new ApiError(response.status, 'ERROR', response.statusText);
  return response.text();
};

export const signIn = async (credential: string): Promise<string> => {
  const response = await request('POST', 'session', undefined, credential);
  if (!response.ok) throw new ApiError(response.status, 'UNAUTHENTICATED', 'Not an administrator credential.');
  const { token, admin } = (await response.json()) as { token: string; admin: string };
  session.set(token);
  return admin;
};

export const signOut = async (): Promise<void> => {
  await request('DELETE', 'session').catch(() => undefined);
  session.clear();
};

export interface GraphError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface GraphResult<T> {
  data: T | null;
  errors: GraphError[];
}

/** A graph query as the administrator (`as` null) or as the named supplier would get it. */
export const graph = async <T>(as: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphResult<T>> => {
  const path = as === null ? 'graphql' : `suppliers/${encodeURIComponent(as)}/graphql`;
  const response = await request('POST', path, { query, variables });
  const json = (await response.json()) as { data?: T | null; errors?: GraphError[] };
  return { data: json.data ?? null, errors: json.errors ?? [] };
};
