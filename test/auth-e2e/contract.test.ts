import { buildSchema } from 'graphql';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { bearer } from './support';

// GET /sdl: each supplier's contract schema, so its codegen works against exactly its slice.
describe('the contract schema per supplier', () => {
  let stack: E2E;
  const sdlOf = async (key: string) => {
    const response = await fetch(new URL('/sdl', stack.gatewayUrl), { headers: bearer(key) });
    expect(response.status).toBe(200);
    return buildSchema(await response.text());
  };
  beforeAll(async () => {
    stack = await startE2E({ students: 100 });
  });
  afterAll(() => stack.close());

  it('demo-full sees every type, civic numbers and grades included', async () => {
    const schema = await sdlOf(DEMO_KEYS.full);
    expect(schema.getQueryType()!.getFields()).toHaveProperty('grades');
    expect(schema.getType('Person')).toBeDefined();
    expect((schema.getType('Person') as { getFields(): object }).getFields()).toHaveProperty('civicNo');
  });

  it('demo-lms sees persons by name without civic numbers, and no grades or attendance at all', async () => {
    const schema = await sdlOf(DEMO_KEYS.lms);
    const person = (schema.getType('Person') as { getFields(): Record<string, unknown> }).getFields();
    expect(Object.keys(person)).toEqual(expect.arrayContaining(['id', 'givenName', 'familyName', 'emails']));
    expect(person).not.toHaveProperty('civicNo');
    expect(person).not.toHaveProperty('grades');
    expect(schema.getType('Grade')).toBeUndefined();
    expect(schema.getType('Attendance')).toBeUndefined();
  });

  it('demo-analytics sees the absence summary, no attendance rows, and a Person that is only an id', async () => {
    const schema = await sdlOf(DEMO_KEYS.analytics);
    expect(schema.getQueryType()!.getFields()).toHaveProperty('absenceSummary');
    expect(schema.getQueryType()!.getFields()).not.toHaveProperty('attendances');
    expect(schema.getQueryType()!.getFields()).not.toHaveProperty('persons');
    const person = (schema.getType('Person') as { getFields(): Record<string, unknown> }).getFields();
    expect(person).toHaveProperty('id');
    expect(person).not.toHaveProperty('givenName');
  });

  it('the SDL a supplier gets agrees with what introspection tells it', async () => {
    const schema = await sdlOf(DEMO_KEYS.lms);
    const response = await stack.query<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "Person") { fields { name } } }',
      undefined,
      {
        apiKey: DEMO_KEYS.lms,
      },
    );
    const sdlFields = Object.keys((schema.getType('Person') as { getFields(): object }).getFields());
    expect(response.data!.__type.fields.map((field) => field.name)).toEqual(sdlFields);
  });
});
