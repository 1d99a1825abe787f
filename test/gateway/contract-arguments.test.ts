import { buildSchema } from 'graphql';
import type { FieldGrant } from '../../src/auth';
import type { ArgumentReadsTable } from '../../src/auth/argument-reads';
import { planArguments } from '../../src/gateway/contract-arguments';

// The plan on a small graph of its own: an enum shared by two fields whose values read different things,
// an enum the graph also returns, an input type, a required argument.
const api = buildSchema(`
  enum Sort { NAME_ASC SECRET_ASC }
  enum Kind { A B }
  input Filter { open: String secret: String }
  type Thing { id: ID kind: Kind }
  type Query {
    things(sortkey: Sort, kindIs: Kind, secret: String, filter: Filter): [Thing]
    others(sortkey: Sort): [Thing]
    byKind(kind: Kind!): [Thing]
    bySecret(secret: String!): [Thing]
  }
`);
const TABLE: ArgumentReadsTable = {
  'Query.things': {
    sortkey: { of: 'sortkey', values: { NameAsc: ['Thing.name'], SecretAsc: ['Thing.secret'] } },
    kindIs: { of: 'kindIs', values: { A: ['Thing.id'], B: ['Thing.secret'] } },
    secret: ['Thing.secret'],
    filter: [],
    'filter.open': [],
    'filter.secret': ['Thing.secret'],
  },
  // Here SecretAsc reads nothing the caller lacks, NameAsc reads what it lacks.
  'Query.others': { sortkey: { of: 'sortkey', values: { NameAsc: ['Thing.other'], SecretAsc: ['Thing.id'] } } },
  'Query.byKind': { kind: { of: 'kind', values: { A: ['Thing.id'], B: ['Thing.secret'] } } },
  'Query.bySecret': { secret: ['Thing.secret'] },
};
const grantOf = (readable: string[]): FieldGrant =>
  ({ fields: new Map(), canRead: (type: string, field: string) => readable.includes(`${type}.${field}`) }) as unknown as FieldGrant;

describe('planArguments', () => {
  const grant = grantOf(['Thing.id', 'Thing.name']);

  it('hides arguments whose reads are withheld and makes a field with a required hidden one uncallable', () => {
    const plan = planArguments(api, grant, () => true, TABLE);
    // sortkey too: see the shared enum below.
    expect([...plan.hiddenArguments.get('Query.things')!]).toEqual(['sortkey', 'secret']);
    expect(plan.uncallable).toEqual(new Set(['Query.bySecret']));
    expect(plan.hiddenInputFields.get('Filter')).toEqual(new Set(['secret']));
  });

  it('an enum shared by fields keeps the values usable on every one; an argument left with none is hidden', () => {
    const plan = planArguments(api, grant, () => true, TABLE);
    // things: NAME_ASC usable; others: SECRET_ASC usable: no value is usable on both.
    expect(plan.enumValues.get('Sort')).toEqual(new Set());
    expect(plan.hiddenArguments.get('Query.others')).toEqual(new Set(['sortkey']));
    // Without `others` in the contract, `things` keeps its usable value.
    const without = planArguments(api, grant, (_type, field) => field !== 'others', TABLE);
    expect(without.enumValues.get('Sort')).toEqual(new Set(['NAME_ASC']));
    expect(without.hiddenArguments.get('Query.things')).toEqual(new Set(['secret']));
  });

  it('an enum the graph also returns keeps every value; its argument is hidden only when no value is usable', () => {
    const plan = planArguments(api, grant, () => true, TABLE);
    expect(plan.enumValues.has('Kind')).toBe(false);
    expect(plan.hiddenArguments.get('Query.things')?.has('kindIs')).toBe(false);
    const none = planArguments(api, grantOf(['Thing.name']), () => true, TABLE);
    expect(none.hiddenArguments.get('Query.things')?.has('kindIs')).toBe(true);
    expect(none.uncallable.has('Query.byKind')).toBe(true);
  });

  it('an argument the table does not classify is hidden (deny by default)', () => {
    const { 'Query.bySecret': _dropped, ...rest } = TABLE;
    const plan = planArguments(api, grantOf(['Thing.id', 'Thing.name', 'Thing.secret']), () => true, rest);
    expect(plan.uncallable).toEqual(new Set(['Query.bySecret']));
  });
});
