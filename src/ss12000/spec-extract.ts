// Turns the SS 12000 OpenAPI YAML into the compact JSON the runtime validates against
// (src/ss12000/spec-extract.json), so running code never needs ../shared.
// Regenerate (with spec-descriptions.json): `npm run build && node dist/src/ss12000/spec-extract.js` from the repo root.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { extractDescriptions, renderSpecDescriptions, SPEC_DESCRIPTIONS_PATH } from './spec-descriptions';

export type JsonSchema = Record<string, unknown>;

export interface SpecParameter {
  readonly name: string;
  readonly in: 'query' | 'path';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface SpecOperation {
  readonly parameters: SpecParameter[];
  readonly requestBody: JsonSchema | null;
  /** Status ('200', '400', 'default' ...) → body schema, null when the status has no body. */
  readonly responses: Record<string, JsonSchema | null>;
}

export interface SpecExtract {
  readonly version: string;
  readonly schemas: Record<string, JsonSchema>;
  /** Keyed `METHOD /path`, e.g. `GET /persons/{id}`. */
  readonly operations: Record<string, SpecOperation>;
}

export const SPEC_YAML_PATH = 'spec/ss12000-v2.1.yaml';
export const SPEC_EXTRACT_PATH = 'src/ss12000/spec-extract.json';

// Prose and examples are dropped: they are most of the file and no validator reads them.
const DROPPED = new Set(['description', 'example', 'title', 'summary', 'tags']);

// Under `properties` the keys are field names, and `description` and `title` are fields of some
// schemas (Resource, Duty, StudyPlanContent …): kept there.
const strip = (value: unknown, keysAreFieldNames = false): unknown => {
  if (Array.isArray(value)) return value.map((item) => strip(item));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    if (keysAreFieldNames || !DROPPED.has(key)) out[key] = strip(inner, !keysAreFieldNames && key === 'properties');
  return out;
};

type Doc = { info: { version: string }; paths: Record<string, Record<string, Op>>; components: Record<string, Record<string, unknown>> };
type Op = { parameters?: unknown[]; requestBody?: unknown; responses?: Record<string, unknown> };

export function extractSpec(yamlText: string): SpecExtract {
  const doc = parse(yamlText) as Doc;
  const deref = (node: unknown): Record<string, unknown> => {
    const ref = (node as { $ref?: string }).$ref;
    if (!ref || !ref.startsWith('#/components/') || ref.startsWith('#/components/schemas/')) return node as Record<string, unknown>;
    const [, , section, name] = ref.split('/');
    return deref(doc.components[section!]![name!]);
  };
  const bodySchema = (node: unknown): JsonSchema | null => {
    const content = deref(node).content as Record<string, { schema?: unknown }> | undefined;
    const schema = content && Object.values(content)[0]?.schema;
    return schema ? (strip(schema) as JsonSchema) : null;
  };
  const operations: Record<string, SpecOperation> = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const [method, op] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const parameters = [...shared, ...(op.parameters ?? [])].map(deref).map((p) => ({
        name: p.name as string,
        in: p.in as 'query' | 'path',
        required: p.required === true,
        schema: strip(p.schema) as JsonSchema,
      }));
      const responses: Record<string, JsonSchema | null> = {};
      for (const [status, response] of Object.entries(op.responses ?? {})) responses[status] = bodySchema(response);
      operations[`${method.toUpperCase()} ${path}`] = {
        parameters,
        requestBody: op.requestBody ? bodySchema(op.requestBody) : null,
        responses,
      };
    }
  }
  return { version: doc.info.version, schemas: strip(doc.components.schemas) as Record<string, JsonSchema>, operations };
}

export const renderSpecExtract = (extract: SpecExtract): string => `${JSON.stringify(extract, null, 1)}\n`;

if (require.main === module) {
  const yamlText = readFileSync(SPEC_YAML_PATH, 'utf8');
  writeFileSync(SPEC_EXTRACT_PATH, renderSpecExtract(extractSpec(yamlText)));
  writeFileSync(SPEC_DESCRIPTIONS_PATH, renderSpecDescriptions(extractDescriptions(yamlText)));
  // eslint-disable-next-line no-console -- a command-line entry point
  console.log(`wrote ${SPEC_EXTRACT_PATH} and ${SPEC_DESCRIPTIONS_PATH}`);
}
