// Every SS 12000 type and field of the graph documented in the standard's own words: a subgraph's
// SDL gets, where the code gave no description, the one the spec gives its schema or property
// (spec-descriptions.json). The code's own descriptions win: they say what the graph adds (a
// resolved reference, a reverse link, a filter).
import { type DocumentNode, Kind, type StringValueNode, type TypeNode, visit } from 'graphql';
import specDescriptions from '../../ss12000/spec-descriptions.json';
import type { SpecDescriptions } from '../../ss12000/spec-descriptions';

const SPEC: SpecDescriptions = specDescriptions;

/**
 * Graph types whose spec schema has another name: the generator behind the published YAML named
 * nested objects after their parent (`Person_civicNo`). A graph type not listed here maps to the
 * spec schema of the same name, when there is one; an input `XInput` or `CreateXInput` maps as X does.
 */
export const SPEC_SCHEMA_OF: Readonly<Record<string, string>> = {
  CivicNo: 'Person_civicNo',
  PhoneNumber: 'Phonenumber',
  ExternalIdentifier: 'externalIdentifier',
  PersonAddress: 'Person_addresses_inner',
  Responsible: 'Person_responsibles_inner',
  PersonGroupMembership: 'PersonExpanded_allOf__embedded_groupMemberships',
  OrganisationAddress: 'Organisation_address',
  ProgrammeContent: 'Programme_content_inner',
  DiplomaProject: 'Grade_diplomaProject',
  AssignmentRole: 'Duty_assignmentRole_inner',
};

export const specSchemaOf = (graphType: string): string | undefined => {
  const name = SPEC_SCHEMA_OF[graphType] ?? graphType.replace(/^Create(?=[A-Z])/, '').replace(/Input$/, '');
  return SPEC[SPEC_SCHEMA_OF[name] ?? name] ? (SPEC_SCHEMA_OF[name] ?? name) : undefined;
};

const text = (value: string | undefined): StringValueNode | undefined => (value ? { kind: Kind.STRING, value, block: true } : undefined);

// The spec describes `id` on some schemas only; it means the same everywhere.
const ID_DESCRIPTION = SPEC['Person']?.properties['id'];

type Described = { readonly description?: StringValueNode; readonly name: { value: string } };
type FieldNode = Described & { readonly type: TypeNode };

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/**
 * The subgraph's SDL with the spec's descriptions wherever the code has none. A field the spec
 * leaves undescribed (`meta`, an enum-typed `type`) takes the description of the type it returns.
 */
export function documentFromSpec(document: DocumentNode): DocumentNode {
  const fromSpec = <T extends Described & { fields?: readonly FieldNode[] }>(node: T): T => {
    const schemaName = specSchemaOf(node.name.value);
    const spec = schemaName === undefined ? undefined : SPEC[schemaName];
    return {
      ...node,
      description: node.description ?? text(spec?.description),
      fields: node.fields?.map((field) => ({
        ...field,
        description:
          field.description ?? text(spec?.properties[field.name.value] ?? (field.name.value === 'id' ? ID_DESCRIPTION : undefined)),
      })),
    };
  };
  const specDocumented = visit(document, {
    ObjectTypeDefinition: fromSpec,
    ObjectTypeExtension: fromSpec,
    InputObjectTypeDefinition: fromSpec,
  });

  const typeDescriptions = new Map<string, StringValueNode>();
  for (const definition of specDocumented.definitions) {
    if ('description' in definition && definition.description && 'name' in definition && definition.name) {
      typeDescriptions.set(definition.name.value, definition.description);
    }
  }
  const fromReturnType = <T extends Described & { fields?: readonly FieldNode[] }>(node: T): T => ({
    ...node,
    // An input without words of its own is described as what it writes.
    description: node.description ?? typeDescriptions.get(node.name.value.replace(/^Create(?=[A-Z])/, '').replace(/Input$/, '')),
    fields: node.fields?.map((field) => ({ ...field, description: field.description ?? typeDescriptions.get(namedType(field.type)) })),
  });
  return visit(specDocumented, {
    ObjectTypeDefinition: fromReturnType,
    ObjectTypeExtension: fromReturnType,
    InputObjectTypeDefinition: fromReturnType,
  });
}
