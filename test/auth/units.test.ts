import { join } from 'node:path';
import { createAuthenticator } from '../../src/auth/credentials';
import { loadSuppliersConfig } from '../../src/auth/suppliers-config';
import { expandUnits, organisationNode, unitAllows, type OrganisationNode } from '../../src/auth/units';
import { generateMunicipality } from '../../src/demo/generator';

// A huvudman with two school units; the first has two sub-units, one of them with a class-level unit below.
const HUVUDMAN = '00000000-0000-4000-8000-000000000001';
const BJORKHAGEN = '00000000-0000-4000-8000-000000000010';
const BJORKHAGEN_F3 = '00000000-0000-4000-8000-000000000011';
const BJORKHAGEN_4_6 = '00000000-0000-4000-8000-000000000012';
const BJORKHAGEN_4_6_FRITIDS = '00000000-0000-4000-8000-000000000013';
const EKBACKEN = '00000000-0000-4000-8000-000000000020';

const TREE: OrganisationNode[] = [
  { id: HUVUDMAN },
  { id: BJORKHAGEN, parentId: HUVUDMAN, schoolUnitCode: '91000000' },
  { id: BJORKHAGEN_F3, parentId: BJORKHAGEN },
  { id: BJORKHAGEN_4_6, parentId: BJORKHAGEN },
  { id: BJORKHAGEN_4_6_FRITIDS, parentId: BJORKHAGEN_4_6 },
  { id: EKBACKEN, parentId: HUVUDMAN, schoolUnitCode: '91001013' },
];

const ids = (units: ReturnType<typeof expandUnits>['units']) => (units === 'all' ? 'all' : [...units].sort());

describe('school units', () => {
  test('a unit includes every sub-unit below it, at any depth', () => {
    expect(ids(expandUnits([BJORKHAGEN], TREE).units)).toEqual([BJORKHAGEN, BJORKHAGEN_F3, BJORKHAGEN_4_6, BJORKHAGEN_4_6_FRITIDS].sort());
  });

  test('a sub-unit does not include its parent or siblings', () => {
    expect(ids(expandUnits([BJORKHAGEN_4_6], TREE).units)).toEqual([BJORKHAGEN_4_6, BJORKHAGEN_4_6_FRITIDS].sort());
  });

  test('a schoolUnitCode stands for its unit', () => {
    expect(ids(expandUnits([{ schoolUnitCode: '91001013' }], TREE).units)).toEqual([EKBACKEN]);
  });

  test('a schoolUnitCode that names no unit grants nothing and is reported', () => {
    expect(expandUnits([{ schoolUnitCode: '99999999' }], TREE)).toEqual({ units: new Set(), unresolved: ['99999999'] });
  });

  test('all stays all', () => {
    expect(expandUnits('all', TREE).units).toBe('all');
  });

  test('a cycle in the parent links does not hang the expansion', () => {
    const cyclic: OrganisationNode[] = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(ids(expandUnits(['a'], cyclic).units)).toEqual(['a', 'b']);
  });

  test('unitAllows: rows of a unit inside the set, not outside, and never a row without an owner', () => {
    const { units } = expandUnits([BJORKHAGEN], TREE);
    expect(unitAllows(units, BJORKHAGEN_4_6_FRITIDS)).toBe(true);
    expect(unitAllows(units, EKBACKEN)).toBe(false);
    expect(unitAllows(units, undefined)).toBe(false);
    expect(unitAllows('all', undefined)).toBe(true);
  });
});

describe('the caller carries its units expanded', () => {
  const DEMO_FILE = join(__dirname, '../../config/suppliers.yaml');

  test('demo-lms, given by schoolUnitCode, is one school unit of the demo municipality once the organisations are known', async () => {
    const config = await loadSuppliersConfig(DEMO_FILE);
    const organisations = [...generateMunicipality().organisations.values()];
    const tree = organisations.map(organisationNode);
    let known: readonly OrganisationNode[] = [];
    const authenticator = createAuthenticator({ config: () => config, organisations: () => known });
    // Before the tree is known the code matches nothing: access narrows, it never widens.
    expect((await authenticator.authenticate({ 'x-api-key': 'demo-lms-key' }))?.units).toEqual(new Set());
    known = tree;
    const caller = await authenticator.authenticate({ 'x-api-key': 'demo-lms-key' });
    const units = ids(caller?.units ?? new Set());
    expect(units).toHaveLength(1);
    expect(organisations.find((organisation) => organisation.id === units[0])?.organisationType).toBe('Skolenhet');
  });

  test('demo-full covers every unit, whatever the tree', async () => {
    const config = await loadSuppliersConfig(DEMO_FILE);
    const caller = await createAuthenticator({ config: () => config, organisations: () => TREE }).authenticate({
      'x-api-key': 'demo-full-key',
    });
    expect(caller?.units).toBe('all');
  });
});
