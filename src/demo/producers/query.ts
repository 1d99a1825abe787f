// Query parameters are parsed and checked against the spec's own parameter list for the
// operation: types, formats, enums (an unknown sortkey or expand is a 400) and `required`.
import type { ValidateFunction } from 'ajv';
import { anchorRefs, createSpecAjv, specOperation } from '../../ss12000/spec-validator';
import type { SpecParameter } from '../../ss12000/spec-extract';
import { badRequest } from './errors';

export type ParamValue = string | number | boolean | string[];
export type Query = Record<string, ParamValue>;

interface CompiledOperation {
  readonly params: SpecParameter[];
  readonly validate: ValidateFunction;
  /** The same without `required`: a pageToken request carries its required filters inside the token. */
  readonly validateOptional: ValidateFunction;
}

// Coercion turns '10' into 10 and 'true' into true; a second ajv keeps the shared one pure.
const ajv = createSpecAjv({ coerceTypes: true, allErrors: false });
const compiled = new Map<string, CompiledOperation>();

const operation = (method: string, specPath: string): CompiledOperation => {
  const key = `${method} ${specPath}`;
  let op = compiled.get(key);
  if (!op) {
    const spec = specOperation(method, specPath);
    if (!spec) throw new Error(`spec has no operation ${key}`);
    const params = spec.parameters.filter((p) => p.in === 'query');
    const schema = {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, anchorRefs(p.schema)])),
      required: params.filter((p) => p.required).map((p) => p.name),
    };
    op = { params, validate: ajv.compile(schema), validateOptional: ajv.compile({ ...schema, required: [] }) };
    compiled.set(key, op);
  }
  return op;
};

const isArray = (p: SpecParameter): boolean => p.schema.type === 'array';

/** Names of the query parameters the spec defines for an operation. */
export const specParams = (method: string, specPath: string): string[] => operation(method, specPath).params.map((p) => p.name);

/** Re-checks a query that came back inside a pageToken: tokens are only base64, anyone can forge one. */
export function checkTokenQuery(method: string, specPath: string, query: Query): void {
  const op = operation(method, specPath);
  const known = new Set(op.params.map((p) => p.name));
  if (Object.keys(query).some((k) => !known.has(k)) || !op.validate(structuredClone(query))) {
    throw badRequest('pageToken is not one this server issued');
  }
}

export function parseQuery(method: string, specPath: string, search: URLSearchParams, options: { requiredInToken?: boolean } = {}): Query {
  const op = operation(method, specPath);
  const query: Record<string, unknown> = {};
  for (const p of op.params) {
    const raw = search.getAll(p.name);
    if (raw.length === 0) continue;
    if (isArray(p)) {
      // Both `expand=a&expand=b` and `expand=a,b` are seen in the wild.
      query[p.name] = raw
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v !== '');
    } else if (raw.length > 1) {
      throw badRequest(`Query parameter ${p.name} may be given only once`);
    } else {
      query[p.name] = raw[0];
    }
  }
  const validate = options.requiredInToken ? op.validateOptional : op.validate;
  if (!validate(query)) {
    const e = validate.errors![0]!;
    const where = e.instancePath ? `Query parameter ${e.instancePath.slice(1).split('/')[0]}` : 'Query';
    const allowed = 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
    throw badRequest(`${where} ${e.message ?? 'is invalid'}${allowed}`);
  }
  return query as Query;
}
