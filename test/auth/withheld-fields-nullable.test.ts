import { isNonNullType, isObjectType } from 'graphql';
import { PRESETS } from '../../src/auth/presets';
import { buildSubgraphSchemas } from '../../src/gateway/subgraphs';

// A withheld field resolves to null with a FORBIDDEN error. Were it non-null, graphql-js would carry
// that null up to the nearest nullable parent and take the permitted siblings with it ("the rest of
// the data served" would not hold). So: a field some preset that reaches a type (opens its id) leaves
// closed must be nullable. Person-attribute presets (civicNo, email, …) open no id: they add to
// persons reached through another preset.
describe('fields a preset can withhold are nullable', () => {
  it('holds for every governed type of every subgraph', async () => {
    const schemas = await buildSubgraphSchemas();
    const violations: string[] = [];
    for (const [subgraph, schema] of Object.entries(schemas)) {
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || type.name === 'Query') continue;
        const reaching = Object.entries(PRESETS).filter(([, preset]) => preset[type.name]?.includes('id'));
        for (const field of Object.values(type.getFields())) {
          if (!isNonNullType(field.type)) continue;
          const withholding = reaching.filter(([, preset]) => !preset[type.name]!.includes(field.name)).map(([name]) => name);
          if (withholding.length > 0)
            violations.push(`${subgraph}: ${type.name}.${field.name} is non-null but ${withholding.join(', ')} withhold it`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});
