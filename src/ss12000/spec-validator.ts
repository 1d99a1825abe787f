// One ajv over the SS 12000 component schemas, shared by producers (request bodies, query
// parameters) and by anything that checks producer payloads. Reads the committed extract,
// not ../shared, so it works at runtime.
import Ajv, { type FormatDefinition, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { isDate, isDateTime, isTime, isUuid } from './fast-formats';
import extractJson from './spec-extract.json';
import type { JsonSchema, SpecExtract, SpecOperation } from './spec-extract';
import { getOrCompute } from '../lib/get-or-compute';

export const SPEC: SpecExtract = extractJson as unknown as SpecExtract;

const SPEC_ID = 'ss12000';

export type ValidationResult = { ok: true } | { ok: false; errors: string };

/**
 * An ajv that knows every component schema as `ss12000#/components/schemas/<Name>`.
 * `strict: false` because OpenAPI 3.0 adds keywords JSON Schema lacks (`nullable` is built
 * into ajv; `readOnly`/`example` are annotations), and the spec invents a format.
 */
export function createSpecAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, ...options });
  addFormats(ajv);
  // Same answers as ajv-formats (and its comparisons), without a regex match array per value (fast-formats.ts).
  const faster = (name: 'date' | 'time' | 'date-time', validate: (text: string) => boolean): FormatDefinition<string> => ({
    ...(fullFormats[name] as FormatDefinition<string>),
    validate,
  });
  ajv.addFormat('date', faster('date', isDate));
  ajv.addFormat('time', faster('time', isTime));
  ajv.addFormat('date-time', faster('date-time', isDateTime));
  ajv.addFormat('uuid', isUuid);
  // Spec slip: a time-of-day pattern was written as a format (AttendanceScheduleEntry).
  ajv.addFormat('^[0-9]{2}:[0-9]{2}$', /^[0-9]{2}:[0-9]{2}$/);
  // Spec slip: Grade requires `schoolUnit` but names the property `organisation`; no producer can send both.
  const grade = SPEC.schemas['Grade'] as { required?: string[] };
  // Spec slip: AttendanceScheduleEntry.endTime is typed integer but described and formatted as "15:30"; both are taken.
  const entry = SPEC.schemas['AttendanceScheduleEntry'] as { properties: Record<string, object> };
  const endTime = { ...entry.properties['endTime'], type: ['string', 'integer'] };
  const schemas = {
    ...SPEC.schemas,
    Grade: { ...grade, required: grade.required?.filter((name) => name !== 'schoolUnit') },
    AttendanceScheduleEntry: { ...entry, properties: { ...entry.properties, endTime } },
  };
  ajv.addSchema({ $id: SPEC_ID, components: { schemas } });
  return ajv;
}

/** Inline schemas (operation parameters, bodies) point at `#/components/...`: anchor them to the spec. */
export const anchorRefs = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(anchorRefs);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${SPEC_ID}${value}` : anchorRefs(value);
  }
  return out;
};

let shared: Ajv | undefined;
const cache = new Map<string, ValidateFunction>();

const describe = (validate: ValidateFunction): string =>
  (validate.errors ?? [])
    .slice(0, 10)
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`,
    )
    .join('; ');

const wrap =
  (validate: ValidateFunction) =>
  (value: unknown): ValidationResult =>
    validate(value) ? { ok: true } : { ok: false, errors: describe(validate) };

const compile = (key: string, schema: () => object): ValidateFunction => {
  return getOrCompute(cache, key, () => {
    shared ??= createSpecAjv();
    return shared.compile(schema());
  });
};

/** Validator for a named component schema, e.g. `validatorFor('PersonExpanded')`. */
export function validatorFor(schemaName: string): (value: unknown) => ValidationResult {
  if (!(schemaName in SPEC.schemas)) throw new Error(`SS 12000 has no schema named ${schemaName}`);
  return wrap(compile(schemaName, () => ({ $ref: `${SPEC_ID}#/components/schemas/${schemaName}` })));
}

/** The compiled ajv function of a named component schema, for callers that read its errors themselves (tolerant-reader.ts). */
export function compiledValidatorFor(schemaName: string): ValidateFunction {
  if (!(schemaName in SPEC.schemas)) throw new Error(`SS 12000 has no schema named ${schemaName}`);
  return compile(schemaName, () => ({ $ref: `${SPEC_ID}#/components/schemas/${schemaName}` }));
}

/** Validator for an inline schema taken from SPEC.operations (e.g. a response body). */
export function validatorForSchema(schema: JsonSchema): (value: unknown) => ValidationResult {
  return wrap(compile(JSON.stringify(schema), () => anchorRefs(schema) as object));
}

/** The spec's description of one operation, e.g. `specOperation('GET', '/persons/{id}')`. */
export const specOperation = (method: string, path: string): SpecOperation | undefined =>
  SPEC.operations[`${method.toUpperCase()} ${path}`];
