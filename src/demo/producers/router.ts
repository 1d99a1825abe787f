// Method + path → handler. Patterns are spelled as the spec spells paths (`/persons/{id}`),
// which is also the key /_stats counts under.
export interface RequestInfo {
  readonly id: string;
  readonly search: URLSearchParams;
  /** The parsed JSON body; a 400 when it is missing or not JSON. */
  body(): Promise<unknown>;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

export type Handler = (request: RequestInfo) => Reply | Promise<Reply>;

export interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly handle: Handler;
}

export interface Match {
  readonly route: Route;
  readonly id: string;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handle: Handler): this {
    this.routes.push({ method, pattern, handle });
    return this;
  }

  /** `id` is the raw `{id}` segment, still percent-encoded. */
  match(method: string, pathname: string): Match | undefined {
    const segments = pathname.split('/');
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const pattern = route.pattern.split('/');
      if (pattern.length !== segments.length) continue;
      let id = '';
      const ok = pattern.every((p, i) => {
        if (p !== '{id}') return p === segments[i];
        id = segments[i]!;
        return id !== '';
      });
      if (ok) return { route, id };
    }
    return undefined;
  }
}
