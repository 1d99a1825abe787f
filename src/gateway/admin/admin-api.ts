// The admin API under /admin/api/: everything the console does, as documented HTTP endpoints a
// municipality can script (docs/admin-api.md). Authenticated by an administrator's credential (a key
// whose digest is in the gateway config's `admin` block, or an admin JWT) or by a console session
// opened with one; a supplier's key is 401 on every endpoint. Graph queries run through the gateway's
// own pipeline with the caller they are for (the administrator's, or a supplier's as the gateway would
// establish it), so the console shows exactly what the subgraphs' permissions serve.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import {
  generateApiKey,
  hashApiKey,
  PRESET_NAMES,
  PRESETS,
  requestCredential,
  WRITE_GRANT_MUTATIONS,
  WRITE_GRANTS,
  type Caller,
  type PresetName,
  type SuppliersConfig,
  type WriteGrant,
} from '../../auth';
import type { Admin, AdminAuthenticator } from '../../auth/admin-auth';
import { auditable, createAdminAudit, fingerprintOf } from './admin-audit';
import { explainField, explainProtected, explainUnit } from './explain';
import { AdminApiError, readJson, sendError, sendJson, sendText } from './json';
import type { KeyUsage } from './key-usage';
import { organisationTree } from './organisation-tree';
import { coordinates, EDITABLE, permissionsOf, withPermissions } from './permissions-body';
import { supplierOverview } from './overview';
import { createSessions } from './sessions';
import { createSuppliersFileEditor } from './suppliers-file';

export interface AdminApiOptions {
  admins: AdminAuthenticator;
  /** The suppliers file the gateway was started with (watched: a saved change is reloaded). */
  suppliersPath: string;
  /** The suppliers config in force. */
  suppliers: () => SuppliersConfig;
  /** A supplier's caller as its own credentials would establish it, or null for an unknown name. */
  callerOf: (supplier: string) => Caller | null;
  /** Runs a GraphQL request body through the gateway's pipeline as `caller`: status and JSON text. */
  execute: (caller: Caller, body: unknown) => Promise<{ status: number; body: string }>;
  /** A supplier's contract schema for these presets and write grants, or undefined while the API schema is not loaded. */
  contract: (scopes: readonly PresetName[], writes: readonly WriteGrant[]) => { schema: GraphQLSchema; sdl: string } | undefined;
  /** Whether the environment variable holding a supplier's webhook secret is set (never its value); false when not given. */
  webhookSecretSet?: (variable: string) => boolean;
  /** Where admin changes are audited (the gateway's audit logger). */
  audit: Logger;
  keyUsage: KeyUsage;
}

export const ADMIN_API_PREFIX = '/admin/api/';

// The administrator's own view of the data: every preset, every unit, and protected persons under an
// alias as an `alias` supplier sees them (SECURITY.md: the console never reveals a protected identity).
const ADMIN_SCOPES: readonly PresetName[] = PRESET_NAMES;
const ADMIN_COST_BUDGET = 200_000;
export const adminCaller = (admin: Admin, now = Date.now()): Caller => ({
  supplier: `console:${admin.name}`,
  units: 'all',
  scopes: ADMIN_SCOPES,
  protectedIdentities: 'alias',
  minGroupSize: undefined,
  issuedAt: now,
  limits: { costBudget: ADMIN_COST_BUDGET },
});

const SUPPLIER_ROUTE =
  /^suppliers\/([a-z0-9][a-z0-9._-]{0,63})(?:\/(graphql|organisations|explain|sdl|preview|keys)(?:\/([0-9a-f]{8,64}))?)?$/;

const WAIT_FOR_RELOAD_MS = 5_000;

export const createAdminApi = (options: AdminApiOptions) => {
  const sessions = createSessions();
  const audit = createAdminAudit(options.audit);
  const editor = createSuppliersFileEditor(options.suppliersPath);

  const authenticate = async (request: IncomingMessage): Promise<Admin> => {
    const credential = requestCredential(request.headers);
    const admin = credential === undefined ? null : (sessions.find(credential) ?? (await options.admins.authenticate(credential)));
    if (!admin) throw new AdminApiError(401, 'UNAUTHENTICATED', 'The admin API needs an administrator credential or a console session.');
    return admin;
  };

  const supplierNamed = (name: string) => {
    const supplier = options.suppliers().byName.get(name);
    const caller = options.callerOf(name);
    if (!supplier || !caller) throw new AdminApiError(404, 'NOT_FOUND', `There is no supplier "${name}".`);
    return { supplier, caller };
  };

  // The supplier's scope, units and rules, under a name of its own: the audit line says an administrator
  // looked (not the supplier), and the supplier's request counts are its own traffic only.
  const viewAs = (admin: Admin, name: string): Caller => ({ ...supplierNamed(name).caller, supplier: `console:${admin.name}:as:${name}` });

  const graphql = async (response: ServerResponse, caller: Caller, request: IncomingMessage): Promise<void> => {
    const body = await readJson(request);
    // Only what a GraphQL request carries (no extensions: no persisted queries through the console).
    const graphqlBody = Object.fromEntries(
      ['query', 'variables', 'operationName'].flatMap((key) => (body[key] === undefined ? [] : [[key, body[key]]])),
    );
    const { status, body: text } = await options.execute(caller, graphqlBody);
    sendText(response, status, 'application/json; charset=utf-8', text);
  };

  const runAs = (caller: Caller) => async (query: string, variables: Record<string, unknown>) => {
    const { body } = await options.execute(caller, { query, variables });
    return JSON.parse(body) as { data?: unknown; errors?: unknown[] };
  };

  // After a write the watcher reloads the file; answer once the gateway serves the new version.
  const reloaded = async (previous: SuppliersConfig): Promise<boolean> => {
    const until = Date.now() + WAIT_FOR_RELOAD_MS;
    while (options.suppliers() === previous && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
    return options.suppliers() !== previous;
  };

  const contractOf = (scopes: readonly PresetName[], writes: readonly WriteGrant[]) => {
    const contract = options.contract(scopes, writes);
    if (!contract) throw new AdminApiError(503, 'UPSTREAM_UNAVAILABLE', 'The schema is not loaded yet.');
    return contract;
  };

  const supplierRoute = async (
    request: IncomingMessage,
    response: ServerResponse,
    admin: Admin,
    name: string,
    sub: string | undefined,
    key: string | undefined,
  ): Promise<void> => {
    const method = request.method;
    const route = `${method} ${sub ?? ''}${key ? '/:key' : ''}`;
    switch (route) {
      case 'GET ': {
        const { supplier } = supplierNamed(name);
        const [overview] = await supplierOverview(
          { ...options.suppliers(), suppliers: [supplier] },
          options.keyUsage,
          options.webhookSecretSet,
        );
        const entry = await editor.entry(name);
        const permissions = Object.fromEntries(EDITABLE.flatMap((field) => (entry?.[field] === undefined ? [] : [[field, entry[field]]])));
        return sendJson(response, 200, { ...overview, permissions });
      }
      case 'POST graphql':
        return graphql(response, viewAs(admin, name), request);
      case 'GET organisations':
        return sendJson(response, 200, await organisationTree(runAs(viewAs(admin, name))));
      case 'GET explain': {
        const { supplier, caller } = supplierNamed(name);
        const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
        const field = query.get('field');
        const unit = query.get('unit');
        const explanation: Record<string, unknown> = { supplier: name };
        if (field !== null) {
          const explained = explainField(supplier, field);
          if (!explained) throw new AdminApiError(400, 'BAD_USER_INPUT', `field must be Type.field, e.g. Person.civicNo; got "${field}".`);
          explanation['field'] = explained;
        }
        if (unit !== null) explanation['unit'] = explainUnit(supplier, caller, unit);
        if (query.has('protected')) explanation['protected'] = explainProtected(supplier);
        if (Object.keys(explanation).length === 1)
          throw new AdminApiError(
            400,
            'BAD_USER_INPUT',
            'Ask about a field (?field=Type.field), a unit (?unit=<id>) or protected persons (?protected).',
          );
        return sendJson(response, 200, explanation);
      }
      case 'GET sdl': {
        const { supplier } = supplierNamed(name);
        return sendText(response, 200, 'text/plain; charset=utf-8', contractOf(supplier.scopes, supplier.writes).sdl);
      }
      case 'POST preview': {
        const { supplier } = supplierNamed(name);
        const { config } = await editor.preview(name, withPermissions(permissionsOf(await readJson(request))));
        const proposed = config.byName.get(name)!;
        const now = contractOf(supplier.scopes, supplier.writes);
        const next = contractOf(proposed.scopes, proposed.writes);
        const [was, is] = [coordinates(now.schema), coordinates(next.schema)];
        return sendJson(response, 200, {
          sdl: next.sdl,
          added: [...is].filter((field) => !was.has(field)).sort(),
          removed: [...was].filter((field) => !is.has(field)).sort(),
        });
      }
      case 'PUT ': {
        supplierNamed(name);
        const permissions = permissionsOf(await readJson(request));
        const previous = options.suppliers();
        const { before, after } = await editor.apply(name, withPermissions(permissions));
        audit.record({ admin: admin.name, action: 'update-supplier', supplier: name, before: auditable(before), after: auditable(after) });
        return sendJson(response, 200, { saved: true, reloaded: await reloaded(previous), supplier: auditable(after) });
      }
      case 'POST keys': {
        supplierNamed(name);
        const newKey = generateApiKey();
        const sha256 = hashApiKey(newKey);
        const previous = options.suppliers();
        const { before, after } = await editor.apply(name, (entry) => ({ ...entry, apiKeys: [...(entry.apiKeys ?? []), { sha256 }] }));
        audit.record({
          admin: admin.name,
          action: 'issue-key',
          supplier: name,
          key: fingerprintOf(sha256),
          before: auditable(before),
          after: auditable(after),
        });
        // The key is in this answer only: the file and the audit hold its digest and fingerprint.
        return sendJson(response, 201, { key: newKey, sha256, fingerprint: fingerprintOf(sha256), reloaded: await reloaded(previous) });
      }
      case 'DELETE keys/:key': {
        supplierNamed(name);
        const previous = options.suppliers();
        let revoked: string | undefined;
        const { before, after } = await editor.apply(name, (entry) => {
          const matching = (entry.apiKeys ?? []).filter((apiKey) => apiKey.sha256.startsWith(key as string));
          if (matching.length !== 1)
            throw new AdminApiError(
              404,
              'NOT_FOUND',
              `${name} has ${matching.length === 0 ? 'no' : 'more than one'} key with fingerprint ${key}.`,
            );
          revoked = matching[0]!.sha256;
          return { ...entry, apiKeys: (entry.apiKeys ?? []).filter((apiKey) => apiKey.sha256 !== revoked) };
        });
        audit.record({
          admin: admin.name,
          action: 'revoke-key',
          supplier: name,
          key: fingerprintOf(revoked as string),
          before: auditable(before),
          after: auditable(after),
        });
        return sendJson(response, 200, { revoked: fingerprintOf(revoked as string), reloaded: await reloaded(previous) });
      }
      default:
        throw new AdminApiError(
          404,
          'NOT_FOUND',
          `No admin endpoint ${method} ${ADMIN_API_PREFIX}suppliers/${name}${sub ? `/${sub}` : ''}.`,
        );
    }
  };

  const route = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<void> => {
    if (path === 'session' && request.method === 'POST') {
      // Signing in takes an administrator's own credential, never a session.
      const credential = requestCredential(request.headers);
      const admin = credential === undefined ? null : await options.admins.authenticate(credential);
      if (!admin) throw new AdminApiError(401, 'UNAUTHENTICATED', 'Not an administrator credential.');
      audit.record({ admin: admin.name, action: 'sign-in' });
      return sendJson(response, 201, { admin: admin.name, ...sessions.open(admin) });
    }
    const admin = await authenticate(request);
    const supplier = SUPPLIER_ROUTE.exec(path);
    if (supplier) return supplierRoute(request, response, admin, supplier[1] as string, supplier[2], supplier[3]);
    switch (`${request.method} ${path}`) {
      case 'GET session':
        return sendJson(response, 200, { admin: admin.name });
      case 'DELETE session':
        sessions.close(requestCredential(request.headers) ?? '');
        audit.record({ admin: admin.name, action: 'sign-out' });
        return sendJson(response, 200, { signedOut: true });
      case 'GET organisations':
        return sendJson(response, 200, await organisationTree(runAs(adminCaller(admin))));
      case 'POST graphql':
        return graphql(response, adminCaller(admin), request);
      case 'GET suppliers':
        return sendJson(response, 200, {
          suppliers: await supplierOverview(options.suppliers(), options.keyUsage, options.webhookSecretSet),
        });
      case 'GET presets':
        return sendJson(response, 200, {
          presets: PRESET_NAMES.map((name) => ({ name, fields: PRESETS[name] })),
          writeGrants: WRITE_GRANTS.map((name) => ({ name, mutations: WRITE_GRANT_MUTATIONS[name] })),
        });
      case 'GET audit':
        return sendJson(response, 200, { entries: audit.list() });
      default:
        throw new AdminApiError(404, 'NOT_FOUND', `No admin endpoint ${request.method} ${ADMIN_API_PREFIX}${path}.`);
    }
  };

  /** Answers requests under /admin/api/; resolves false for any other path. */
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (!pathname.startsWith(ADMIN_API_PREFIX)) return false;
    try {
      await route(request, response, pathname.slice(ADMIN_API_PREFIX.length).replace(/\/$/, ''));
    } catch (error) {
      if (!(error instanceof AdminApiError)) throw error;
      request.resume();
      sendError(response, error);
    }
    return true;
  };
};
