import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { fieldGrant, type FieldGrant } from './field-grant';
import { createJwtVerifier, type JwtVerifier } from './jwt-verifier';
import type { PresetName } from './presets';
import { describeSchemaErrors, supplierPath, SuppliersConfigError } from './suppliers-errors';
import { loadTrustedDocuments, type TrustedDocuments } from './trusted-documents';
import type { WriteGrant } from './write-grants';
import {
  SUPPLIERS_SCHEMA,
  type ProtectedIdentities,
  type RateLimitSetting,
  type SupplierFile,
  type SuppliersFile,
  type UnitRef,
} from './suppliers-schema';

export interface SupplierJwt {
  readonly issuer: string;
  readonly supplierClaim: string;
  readonly verify: JwtVerifier;
}

/** One supplier, fully resolved: every default applied, grant computed, keys decoded. */
export interface SupplierConfig {
  readonly name: string;
  /** sha256 digests (32 bytes) of the supplier's API keys. */
  readonly apiKeyHashes: readonly Buffer[];
  readonly jwt: SupplierJwt | undefined;
  /** As configured; a unit includes its sub-units (see expandUnits). */
  readonly units: 'all' | readonly UnitRef[];
  readonly scopes: readonly PresetName[];
  readonly grant: FieldGrant;
  /** What it may write (write-grants.ts); empty: nothing. */
  readonly writes: readonly WriteGrant[];
  readonly protectedIdentities: ProtectedIdentities;
  /** Aggregates over fewer persons than this are suppressed; undefined: no suppression. */
  readonly minGroupSize: number | undefined;
  /** Its registered operations (trusted-documents.ts); undefined: ad-hoc queries only. */
  readonly trustedDocuments: TrustedDocuments | undefined;
  /** The gateway's limits for this supplier as configured; undefined keys take the gateway's defaults. */
  readonly limits: SupplierLimits;
  /** Its change-feed webhook, if any (src/changes/delivery.ts). */
  readonly webhook: SupplierWebhook | undefined;
}

/** A supplier's webhook: where to POST and the environment variable holding the HMAC secret. */
export interface SupplierWebhook {
  readonly url: string;
  /** The variable's name (`SUPPLIER_X_WEBHOOK_SECRET`), from `secret: ${SUPPLIER_X_WEBHOOK_SECRET}`. */
  readonly secretVariable: string;
}

/** Per-supplier limits the gateway enforces (never forwarded to the subgraphs). */
export interface SupplierLimits {
  readonly costBudget?: number;
  readonly rateLimit?: Readonly<RateLimitSetting>;
}

export interface SuppliersConfig {
  readonly source: string;
  readonly suppliers: readonly SupplierConfig[];
  readonly byName: ReadonlyMap<string, SupplierConfig>;
  /** Other files it was read from (trusted-document manifests), absolute when `baseDir` was: watched with it. */
  readonly files: readonly string[];
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['uuid', 'uri']);
const validate = ajv.compile<SuppliersFile>(SUPPLIERS_SCHEMA);

// What JSON Schema cannot say (or says only with unreadable errors).
/** Presets that serve attendance figures per student (see crossChecks). */
const PER_STUDENT_ATTENDANCE: ReadonlySet<PresetName> = new Set<PresetName>(['attendance', 'attendanceRows']);

const crossChecks = (file: SuppliersFile): string[] => {
  const problems: string[] = [];
  const at = (index: number, ...rest: string[]) => supplierPath(file, ['suppliers', String(index), ...rest]);
  const names = new Set<string>();
  const keyOwners = new Map<string, string>();
  file.suppliers.forEach((supplier, index) => {
    if (names.has(supplier.name)) problems.push(`${at(index)}: the name is used by another supplier`);
    names.add(supplier.name);
    if (!supplier.apiKeys?.length && !supplier.jwt) problems.push(`${at(index)}: needs apiKeys or jwt`);
    if (supplier.jwt && (supplier.jwt.jwksUrl === undefined) === (supplier.jwt.publicKeyPem === undefined)) {
      problems.push(`${at(index, 'jwt')}: needs exactly one of jwksUrl and publicKeyPem`);
    }
    // A minimum group size protects aggregates; a preset serving the same figures per student (or per
    // lesson and student) would hand them out by another door, so the two are never combined.
    const perStudent = supplier.scopes.filter((scope) => PER_STUDENT_ATTENDANCE.has(scope));
    if ((supplier.minGroupSize ?? 1) > 1 && perStudent.length > 0) {
      problems.push(
        `${at(index, 'minGroupSize')}: cannot be combined with ${perStudent.join(', ')}, which serve the same figures per student (grant absenceSummary instead)`,
      );
    }
    // A write answers with what was written, read through the supplier's presets: without one that
    // reads attendance data the supplier could write but never see what it wrote.
    if ((supplier.writes?.length ?? 0) > 0 && !supplier.scopes.includes('attendance')) {
      problems.push(`${at(index, 'writes')}: needs the attendance preset in scopes, which reads what is written`);
    }
    // A webhook tells of changes: only a supplier granted the feed may be told.
    if (supplier.webhook && !supplier.scopes.includes('changes'))
      problems.push(`${at(index, 'webhook')}: needs the changes preset in scopes`);
    supplier.apiKeys?.forEach((key, keyIndex) => {
      const owner = keyOwners.get(key.sha256);
      if (owner !== undefined) problems.push(`${at(index, 'apiKeys', String(keyIndex))}: the same key belongs to ${owner}`);
      keyOwners.set(key.sha256, at(index));
    });
  });
  return problems;
};

/** The supplier's JWT settings with the verifier built, or a problem line (a PEM jose cannot import). */
const resolveJwt = async (supplier: SupplierFile, path: string): Promise<SupplierJwt | string | undefined> => {
  if (!supplier.jwt) return undefined;
  try {
    const verify = await createJwtVerifier(supplier.jwt);
    return { issuer: supplier.jwt.issuer, supplierClaim: supplier.jwt.supplierClaim ?? 'client_id', verify };
  } catch (error) {
    return `${path}.jwt.publicKeyPem: not a usable public key (${(error as Error).message})`;
  }
};

const resolveSupplier = (
  supplier: SupplierFile,
  jwt: SupplierJwt | undefined,
  trustedDocuments: TrustedDocuments | undefined,
): SupplierConfig => ({
  name: supplier.name,
  apiKeyHashes: (supplier.apiKeys ?? []).map((key) => Buffer.from(key.sha256, 'hex')),
  jwt,
  units: supplier.units,
  scopes: supplier.scopes,
  grant: fieldGrant(supplier.scopes),
  writes: supplier.writes ?? [],
  protectedIdentities: supplier.protectedIdentities,
  minGroupSize: supplier.minGroupSize,
  trustedDocuments,
  limits: { costBudget: supplier.costBudget, rateLimit: supplier.rateLimit },
  webhook: supplier.webhook && { url: supplier.webhook.url, secretVariable: supplier.webhook.secret.slice(2, -1) },
});

/**
 * Parses and validates a suppliers YAML text; rejects with a SuppliersConfigError naming each bad key.
 * `baseDir`: where relative paths in it (trusted-document manifests) start; the working directory by default.
 */
export const parseSuppliersConfig = async (text: string, source = 'suppliers config', baseDir = '.'): Promise<SuppliersConfig> => {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new SuppliersConfigError(source, [`not valid YAML: ${(error as Error).message}`]);
  }
  if (!validate(data)) throw new SuppliersConfigError(source, describeSchemaErrors(validate.errors ?? [], data));
  const problems = crossChecks(data);
  if (problems.length > 0) throw new SuppliersConfigError(source, problems);
  const jwts = await Promise.all(
    data.suppliers.map((supplier, index) => resolveJwt(supplier, supplierPath(data, ['suppliers', String(index)]))),
  );
  const loadProblems = jwts.filter((jwt): jwt is string => typeof jwt === 'string');
  const documents = await Promise.all(
    data.suppliers.map(
      (supplier, index) =>
        supplier.trustedDocuments &&
        loadTrustedDocuments(
          supplier.trustedDocuments,
          `${supplierPath(data, ['suppliers', String(index)])}.trustedDocuments.documents`,
          baseDir,
        ),
    ),
  );
  loadProblems.push(...documents.flatMap((loaded) => (Array.isArray(loaded) ? loaded : [])));
  if (loadProblems.length > 0) throw new SuppliersConfigError(source, loadProblems);
  const suppliers = data.suppliers.map((supplier, index) =>
    resolveSupplier(supplier, jwts[index] as SupplierJwt | undefined, documents[index] as TrustedDocuments | undefined),
  );
  const files = data.suppliers.flatMap(({ trustedDocuments }) =>
    typeof trustedDocuments?.documents === 'string' ? [resolve(baseDir, trustedDocuments.documents)] : [],
  );
  return { source, suppliers, byName: new Map(suppliers.map((supplier) => [supplier.name, supplier])), files };
};

export const loadSuppliersConfig = async (file: string): Promise<SuppliersConfig> =>
  parseSuppliersConfig(await readFile(file, 'utf8'), file, dirname(file));
