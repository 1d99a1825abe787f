// Issue 10, item 3, at the sources: typed attributes are narrowed on persons wherever a row carries
// them — a placement's `_embedded` child and owners, a duty's `_embedded` person — not only on
// /persons rows. (The graph exposes none of these `_embedded` persons today; the sources must not
// depend on that.) Producers over real HTTP.
import { fieldGrant } from '../../src/auth';
import { UNRESTRICTED, type RowScope } from '../../src/sources';
import type * as W from '../../src/ss12000/wire';
import { allUnits, startScopeStack, type ScopeStack } from './support/stack';

let stack: ScopeStack;
beforeAll(async () => {
  stack = await startScopeStack();
});
afterAll(() => stack.close());

const scope: RowScope = {
  ...allUnits('alias'),
  valueTypes: fieldGrant(['standard', 'students', 'placements', 'duties', 'schoolEmail']).valueTypes,
};

const valuesIn = (node: unknown, key: string): { type?: string }[] => {
  if (Array.isArray(node)) return node.flatMap((item) => valuesIn(item, key));
  if (typeof node !== 'object' || node === null) return [];
  const object = node as Record<string, unknown>;
  return [
    ...(Array.isArray(object[key]) ? (object[key] as { type?: string }[]) : []),
    ...Object.values(object).flatMap((child) => valuesIn(child, key)),
  ];
};

test('a placement’s embedded owners and a duty’s embedded person carry school e-mail only, no phone, no address', async () => {
  const sources = stack.clients.forRequest(scope);
  const placement = [...stack.dataset.placements.values()].find((p) =>
    (p.owners ?? []).some((o) => stack.dataset.persons.get(o.id)?.securityMarking === 'Ingen'),
  ) as W.Placement;
  const duty = [...stack.dataset.duties.values()][0] as W.Duty;
  const rows = [
    await sources.register.load('placements', placement.id, { expand: ['child', 'owners'] }),
    await sources.register.load('duties', duty.id, { expand: ['person'] }),
  ];
  const unscoped = [
    (await stack.clients.forRequest(UNRESTRICTED).register.load('placements', placement.id, { expand: ['child', 'owners'] })) as unknown,
    (await stack.clients.forRequest(UNRESTRICTED).register.load('duties', duty.id, { expand: ['person'] })) as unknown,
  ];
  // The fixture: the producer embeds persons with private e-mail, phone numbers and addresses.
  expect(valuesIn(unscoped, 'emails').map((e) => e.type)).toContain('Privat');
  expect(valuesIn(unscoped, 'phoneNumbers').length).toBeGreaterThan(0);
  expect(valuesIn(unscoped, 'addresses').length).toBeGreaterThan(0);

  expect(valuesIn(rows, 'emails').length).toBeGreaterThan(0);
  for (const email of valuesIn(rows, 'emails')) expect(['Skola elev', 'Skola personal']).toContain(email.type);
  expect(valuesIn(rows, 'phoneNumbers')).toEqual([]);
  expect(valuesIn(rows, 'addresses')).toEqual([]);
});
