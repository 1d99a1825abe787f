// The SS 12000 spec's own words for its types and fields, so the graph's documentation is the
// standard's (issue 11). spec-extract.json drops all prose (no validator reads it); this keeps only
// the prose, per component schema, with `allOf` parts merged and a `$ref`'d property falling back to
// the description of what it refers to. Regenerated with spec-extract.json (spec-extract.ts).
import { parse } from 'yaml';

export interface SchemaDescriptions {
  readonly description?: string;
  /** Property name → its description. */
  readonly properties: Readonly<Record<string, string>>;
}

export type SpecDescriptions = Readonly<Record<string, SchemaDescriptions>>;

export const SPEC_DESCRIPTIONS_PATH = 'src/ss12000/spec-descriptions.json';

type Node = { $ref?: string; description?: string; allOf?: Node[]; items?: Node; properties?: Record<string, Node> };

// The spec's descriptions end in newlines and sometimes wrap; the graph shows them as one paragraph each.
const tidy = (text: string | undefined): string | undefined => {
  const clean = text
    ?.split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return clean || undefined;
};

export function extractDescriptions(yamlText: string): SpecDescriptions {
  const schemas = (parse(yamlText) as { components: { schemas: Record<string, Node> } }).components.schemas;
  const target = (node: Node): Node | undefined =>
    node.$ref?.startsWith('#/components/schemas/') ? schemas[node.$ref.split('/').pop()!] : undefined;

  const describe = (node: Node): string | undefined =>
    tidy(node.description) ??
    (node.allOf ?? []).map(describe).find(Boolean) ??
    (target(node) ? describe(target(node)!) : undefined) ??
    (node.items ? describe(node.items) : undefined);

  const propertiesOf = (node: Node, into: Record<string, string>): void => {
    const referenced = target(node);
    if (referenced) propertiesOf(referenced, into);
    for (const part of node.allOf ?? []) propertiesOf(part, into);
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      const text = describe(property);
      if (text) into[name] = text;
    }
  };

  const out: Record<string, SchemaDescriptions> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const properties: Record<string, string> = {};
    propertiesOf(schema, properties);
    const description = tidy(schema.description) ?? (schema.allOf ?? []).map((part) => tidy(part.description)).find(Boolean);
    out[name] = description ? { description, properties } : { properties };
  }
  return out;
}

export const renderSpecDescriptions = (descriptions: SpecDescriptions): string => `${JSON.stringify(descriptions, null, 1)}\n`;
