import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, type GraphQLEnumType, type GraphQLObjectType, type GraphQLSchema, isObjectType } from 'graphql';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { bearer } from './support';

// A filter or sort key is a read (src/auth/argument-reads.ts): the contract a supplier gets (GET /sdl,
// introspection) offers only the arguments, and enum values of a sort key or relation, it may use.
describe('the arguments of a supplier contract', () => {
  let stack: E2E;
  const api: GraphQLSchema = Supergraph.build(readFileSync('schema/supergraph.graphql', 'utf8')).apiSchema().toGraphQLJSSchema();
  const sdlOf = async (key: string) => {
    const response = await fetch(new URL('/sdl', stack.gatewayUrl), { headers: bearer(key) });
    expect(response.status).toBe(200);
    return buildSchema(await response.text());
  };
  const argsOf = (schema: GraphQLSchema, typeName: string, fieldName: string) =>
    (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]!.args.map((arg) => arg.name);
  const valuesOf = (schema: GraphQLSchema, enumName: string) =>
    (schema.getType(enumName) as GraphQLEnumType).getValues().map((value) => value.name);
  beforeAll(async () => {
    stack = await startE2E({ students: 60 });
  });
  afterAll(() => stack.close());

  it('demo-lms, which may not read Person.civicNo, is offered no civicNo filter and no civic-number sort', async () => {
    const schema = await sdlOf(DEMO_KEYS.lms);
    const persons = argsOf(schema, 'Query', 'persons');
    expect(persons).toEqual(expect.arrayContaining(['nameContains', 'sortkey', 'first', 'after']));
    expect(persons).not.toContain('civicNo');
    expect(valuesOf(schema, 'PersonSortkey')).toEqual(
      expect.arrayContaining(['FAMILY_NAME_ASC', 'GIVEN_NAME_DESC', 'DISPLAY_NAME_ASC', 'MODIFIED_DESC']),
    );
    expect(valuesOf(schema, 'PersonSortkey')).not.toEqual(expect.arrayContaining(['CIVIC_NO_ASC']));
    expect(valuesOf(schema, 'PersonSortkey')).not.toContain('CIVIC_NO_DESC');
  });

  it('demo-lms is offered the relations its presets open (enrolments, duties, memberships), not placements or guardians', async () => {
    const schema = await sdlOf(DEMO_KEYS.lms);
    expect(valuesOf(schema, 'RelationshipEntityType').sort()).toEqual(['DUTY', 'ENROLMENT', 'GROUP_MEMBERSHIP']);
    // Without a relation named, these read every relation; with one of those three they read that one.
    expect(argsOf(schema, 'Query', 'persons')).toEqual(expect.arrayContaining(['relationshipEntityType', 'relationshipOrganisation']));
  });

  it('demo-full, which reads everything, keeps every argument and every enum value of the graph', async () => {
    const schema = await sdlOf(DEMO_KEYS.full);
    expect(argsOf(schema, 'Query', 'persons')).toContain('civicNo');
    expect(valuesOf(schema, 'PersonSortkey')).toEqual(expect.arrayContaining(['CIVIC_NO_ASC', 'CIVIC_NO_DESC']));
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Mutation') continue;
      for (const field of Object.values(type.getFields()))
        expect([type.name, field.name, argsOf(schema, type.name, field.name)]).toEqual([
          type.name,
          field.name,
          argsOf(api, type.name, field.name),
        ]);
    }
    for (const name of ['PersonSortkey', 'RelationshipEntityType', 'PlacementSortkey', 'RoomSortkey', 'AbsenceGrouping']) {
      expect(valuesOf(schema, name)).toEqual(valuesOf(api, name));
    }
  });

  it('introspection tells demo-lms the same arguments and sort values as its SDL', async () => {
    const schema = await sdlOf(DEMO_KEYS.lms);
    const response = await stack.query<{ __type: { fields: { name: string; args: { name: string }[] }[] } }>(
      '{ __type(name: "Query") { fields { name args { name } } } }',
      undefined,
      { apiKey: DEMO_KEYS.lms },
    );
    const introspected = Object.fromEntries(response.data!.__type.fields.map((field) => [field.name, field.args.map((arg) => arg.name)]));
    const fromSdl = Object.fromEntries(
      Object.keys(schema.getQueryType()!.getFields()).map((name) => [name, argsOf(schema, 'Query', name)]),
    );
    expect(introspected).toEqual(fromSdl);
    expect(introspected['persons']).not.toContain('civicNo');
    const sortkey = await stack.query<{ __type: { enumValues: { name: string }[] } }>(
      '{ __type(name: "PersonSortkey") { enumValues { name } } }',
      undefined,
      {
        apiKey: DEMO_KEYS.lms,
      },
    );
    expect(sortkey.data!.__type.enumValues.map((value) => value.name)).toEqual(valuesOf(schema, 'PersonSortkey'));
  });

  // The gateway validates against the graph's API schema (one query planner for every supplier), so a
  // hidden argument is no validation error: the subgraph's argument guard refuses it, naming it.
  it('demo-lms using the hidden civicNo filter or a civic-number sort anyway is refused FORBIDDEN, naming the argument', async () => {
    const civicNo = [...stack.dataset.persons.values()].find((person) => person.civicNo)!.civicNo!.value;
    const filtered = await stack.query(
      'query ($c: String) { persons(civicNo: $c, first: 5) { edges { node { id } } } }',
      { c: civicNo },
      { apiKey: DEMO_KEYS.lms },
    );
    expect(filtered.data?.['persons'] ?? null).toBeNull();
    expect(filtered.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', argument: 'Query.persons(civicNo:)' }) }),
    ]);
    const sorted = await stack.query('{ persons(sortkey: CIVIC_NO_ASC, first: 5) { edges { node { id } } } }', undefined, {
      apiKey: DEMO_KEYS.lms,
    });
    expect(sorted.data?.['persons'] ?? null).toBeNull();
    expect(sorted.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'FORBIDDEN', field: 'Person.civicNo', argument: 'Query.persons(sortkey:)' }),
      }),
    ]);
  });
});
