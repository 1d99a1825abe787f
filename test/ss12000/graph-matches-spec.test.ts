// The graph says what SS 12000 says: every enum of the standard has exactly the spec's values, every
// field of a spec type is a spec property or a named addition of the graph, and every type and field
// is documented (in the spec's words where the code gives none: resolvers/shared/spec-documentation.ts).
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { type GraphQLNamedType, type GraphQLSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { parse } from 'yaml';
import { extractDescriptions, renderSpecDescriptions, SPEC_DESCRIPTIONS_PATH } from '../../src/ss12000/spec-descriptions';
import { SPEC_YAML_PATH } from '../../src/ss12000/spec-extract';
import { specSchemaOf } from '../../src/resolvers/shared/spec-documentation';
import { GRAPH_FIELDS } from '../support/graph-additions';

type Node = {
  $ref?: string;
  enum?: string[];
  allOf?: Node[];
  items?: Node;
  properties?: Record<string, Node>;
  schema?: Node;
  name?: string;
};
const spec = parse(readFileSync(SPEC_YAML_PATH, 'utf8')) as {
  components: { schemas: Record<string, Node>; parameters: Record<string, Node> };
  paths: Record<string, Record<string, { parameters?: Node[] }>>;
};
const graph: GraphQLSchema = Supergraph.build(readFileSync('schema/supergraph.graphql', 'utf8')).apiSchema().toGraphQLJSSchema();

const resolveRef = (node: Node): Node => (node.$ref ? resolveRef(spec.components.schemas[node.$ref.split('/').pop()!]!) : node);

/** The values of an enum at `Schema`, `Schema.property` or `GET /path ?parameter`. */
const specEnum = (pointer: string): string[] => {
  const query = /^(\w+) (\S+) \?(.+)$/.exec(pointer);
  if (query) {
    const [, method, path, name] = query;
    const parameters = (spec.paths[path!]![method!.toLowerCase()]!.parameters ?? []).map((p) =>
      p.$ref ? spec.components.parameters[p.$ref.split('/').pop()!]! : p,
    );
    const schema = parameters.find((p) => p.name === name)!.schema!;
    return (schema.items ?? schema).enum!;
  }
  const [schemaName, ...path] = pointer.split('.');
  let node = resolveRef(spec.components.schemas[schemaName!]!);
  for (const property of path) node = resolveRef(propertiesOf(node)[property]!);
  return resolveRef(node.items ?? node).enum!;
};

const propertiesOf = (node: Node): Record<string, Node> => {
  const resolved = resolveRef(node);
  return Object.assign({}, ...(resolved.allOf ?? []).map(propertiesOf), resolved.properties ?? {});
};

// Where each SS 12000 enum of the graph comes from in the spec file.
const ENUM_SOURCES: Record<string, string> = {
  AbsenceSortkey: 'GET /absences ?sortkey',
  AbsenceType: 'AbsenceEnum',
  ActivitySortkey: 'GET /activities ?sortkey',
  ActivityType: 'Activity.activityType',
  AssignmentRoleType: 'AssignmentRoleTypeEnum',
  AttendanceEventType: 'AttendanceEvent.eventType',
  AttendanceScheduleStateType: 'AttendanceScheduleState.state',
  CalendarEventSortkey: 'GET /calendarEvents ?sortkey',
  ContactInfoType: 'ContactInfo.infoType',
  Curriculum: 'CurriculumEnum',
  DayOfWeek: 'AttendanceScheduleEntry.dayOfWeek',
  DutyRole: 'DutyRole',
  DutySortkey: 'GET /duties ?sortkey',
  EmailType: 'Email.type',
  GradeCorrectionType: 'Grade.correctionType',
  GradeSortkey: 'GET /grades ?sortkey',
  GroupSortkey: 'GET /groups ?sortkey',
  GroupType: 'GroupTypesEnum',
  OrganisationAddressType: 'Organisation_address.type',
  OrganisationSortkey: 'GET /organisations ?sortkey',
  OrganisationType: 'OrganisationTypeEnum',
  PersonAddressType: 'Person_addresses_inner.type',
  PersonSortkey: 'GET /persons ?sortkey',
  PersonStatus: 'Person.personStatus',
  PhoneNumberType: 'Phonenumber.type',
  PlacementReason: 'Placement.reason',
  PlacementSortkey: 'GET /placements ?sortkey',
  ProgrammeContentType: 'Programme_content_inner.type',
  ProgrammeSortkey: 'GET /programmes ?sortkey',
  ProgrammeType: 'Programme.type',
  RelationshipEntityType: 'GET /persons ?relationship.entity.type',
  RelationType: 'RelationTypesEnum',
  RoomSortkey: 'GET /rooms ?sortkey',
  SchoolType: 'SchoolTypesEnum',
  SecurityMarking: 'Person.securityMarking',
  Semester: 'Grade.semester',
  Sex: 'Person.sex',
  StudyPlanContentType: 'StudyPlanContent.type',
  StudyPlanNoteType: 'StudyPlanNotes.type',
  StudyPlanSortkey: 'GET /studyplans ?sortkey',
  SyllabusSortkey: 'GET /syllabuses ?sortkey',
};
// Enums of the graph's own features, not of SS 12000.
const GRAPH_ENUMS = new Set(['AbsenceGrouping', 'ChangeType', 'ChangeKind']);

// `_embedded` carries expanded references on the wire; the graph resolves the reference itself instead.
const WIRE_ONLY = new Set(['_embedded']);

const namedTypes = (): GraphQLNamedType[] => Object.values(graph.getTypeMap()).filter((type) => !type.name.startsWith('__'));

describe('the graph against spec/ss12000-v2.1.yaml', () => {
  test('the committed descriptions are those of the spec file (regenerate with node dist/src/ss12000/spec-extract.js)', () => {
    expect(
      readFileSync(SPEC_DESCRIPTIONS_PATH, 'utf8') === renderSpecDescriptions(extractDescriptions(readFileSync(SPEC_YAML_PATH, 'utf8'))),
    ).toBe(true);
  });

  test('every SS 12000 enum has exactly the values of the spec (each value described by its SS 12000 string)', () => {
    const enums = namedTypes().filter(isEnumType);
    expect(enums.map((type) => type.name).filter((name) => !(name in ENUM_SOURCES) && !GRAPH_ENUMS.has(name))).toEqual([]);
    for (const type of enums.filter((candidate) => candidate.name in ENUM_SOURCES)) {
      const values = type.getValues().map((value) => value.description);
      expect({ [type.name]: [...values].sort() }).toEqual({ [type.name]: [...specEnum(ENUM_SOURCES[type.name]!)].sort() });
    }
  });

  test('every field of a spec type is a property of its spec schema or a named addition of the graph, and no spec property is missing', () => {
    const mismatches: string[] = [];
    for (const type of namedTypes().filter((candidate) => isObjectType(candidate) || isInputObjectType(candidate))) {
      const schemaName = specSchemaOf(type.name);
      if (schemaName === undefined || !(isObjectType(type) || isInputObjectType(type))) continue;
      const properties = Object.keys(propertiesOf(spec.components.schemas[schemaName]!));
      const fields = Object.keys(type.getFields());
      const added = GRAPH_FIELDS[type.name] ?? [];
      for (const field of fields)
        if (!properties.includes(field) && !added.includes(field)) mismatches.push(`${type.name}.${field} is not in ${schemaName}`);
      // An input carries what a write needs; it need not offer every property the producer sets.
      if (isObjectType(type)) {
        for (const property of properties)
          if (!fields.includes(property) && !WIRE_ONLY.has(property))
            mismatches.push(`${schemaName}.${property} is missing from ${type.name}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test('every type and field of the graph is documented', () => {
    const undocumented: string[] = [];
    for (const type of namedTypes()) {
      const root = type === graph.getQueryType() || type === graph.getMutationType();
      if (!type.description && !root && !type.name.startsWith('_') && (isObjectType(type) || isInputObjectType(type) || isEnumType(type)))
        undocumented.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});

test('every paged root list says what comes without `first`', () => {
  const paged = Object.values(graph.getQueryType()!.getFields()).filter((field) =>
    field.args.some((argument) => argument.name === 'first'),
  );
  expect(paged.length).toBeGreaterThan(15);
  expect(
    paged.filter((field) => !/without `first` the first \d+ nodes come/.test(field.description ?? '')).map((field) => field.name),
  ).toEqual([]);
});
