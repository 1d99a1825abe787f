// The filter table (src/sources/shared/filter-checks.ts) against the spec: every filter of every
// list is either checked or says why it cannot be, every checked filter is one the spec has, and
// every row path names a property of the row's schema (a typo would silently check nothing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkListRows, checkLookupRows, FILTER_CHECKS, NOT_FILTERS } from '../../src/sources/shared/filter-checks';
import { ITEM_SCHEMA } from '../../src/sources/shared/validate';
import { listPath } from '../../src/sources/shared/list';
import type { ListName } from '../../src/ss12000/resources';
import { SPEC_YAML_PATH } from '../../src/ss12000/spec-extract';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  items?: Schema;
}
const spec = parse(readFileSync(join(__dirname, '../..', SPEC_YAML_PATH), 'utf8')) as {
  paths: Record<
    string,
    { get?: { parameters?: { name?: string; $ref?: string }[] }; post?: { requestBody?: { content: Record<string, { schema: Schema }> } } }
  >;
  components: { schemas: Record<string, Schema>; parameters?: Record<string, { name: string }> };
};
const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(spec.components.schemas[schema.$ref.split('/').pop()!]!) : schema);
const propertiesOf = (schema: Schema): Record<string, Schema> => {
  const resolved = resolve(schema);
  return Object.assign({}, ...(resolved.allOf ?? []).map(propertiesOf), resolved.properties ?? {});
};
const NAMES = Object.keys(FILTER_CHECKS) as ListName[];

test.each(NAMES)('%s: every spec filter is checked or says why not, and nothing else is in the table', (name) => {
  const parameters = (spec.paths[listPath(name).path]?.get?.parameters ?? []).map((p) =>
    p.$ref ? spec.components.parameters![p.$ref.split('/').pop()!]!.name : p.name!,
  );
  const filters = parameters.filter((p) => !NOT_FILTERS.has(p)).sort();
  const { checked, unchecked } = FILTER_CHECKS[name];
  expect([...Object.keys(checked), ...Object.keys(unchecked)].sort()).toEqual(filters);
  for (const why of Object.values(unchecked)) expect(why.length).toBeGreaterThan(10);
});

test.each(NAMES)('%s: every row path names a property of the row schema', (name) => {
  const { checked, lookups } = FILTER_CHECKS[name];
  const checks = [
    ...Object.values(checked),
    ...Object.values(lookups ?? {}).filter((entry) => entry !== null && typeof entry === 'object'),
  ];
  for (const check of checks as { row: string | string[] }[]) {
    for (const path of typeof check.row === 'string' ? [check.row] : check.row) {
      let schema: Schema = { $ref: `#/components/schemas/${ITEM_SCHEMA[name]}` };
      for (const step of path.split('.')) {
        const key = step.replace(/\[\]$/, '');
        const next = propertiesOf(schema)[key];
        expect([name, path, step, next !== undefined]).toEqual([name, path, step, true]);
        schema = step.endsWith('[]') ? resolve(next!).items! : next!;
      }
    }
  }
});

test.each(NAMES.filter((name) => FILTER_CHECKS[name].lookups !== undefined))(
  '%s: every lookup entry is a lookup body field and names a checked filter',
  (name) => {
    const body = spec.paths[`${listPath(name).path}/lookup`]?.post?.requestBody?.content['application/json']?.schema;
    const fields = Object.keys(propertiesOf(body!));
    for (const [field, entry] of Object.entries(FILTER_CHECKS[name].lookups!)) {
      expect([name, field, fields.includes(field)]).toEqual([name, field, true]);
      if (typeof entry === 'string') expect(FILTER_CHECKS[name].checked[entry]).toBeDefined();
    }
  },
);

describe('the comparisons', () => {
  const origin = { producer: 'grades' as const, route: 'GET /grades' };
  const grade = (id: string, student: string, registeredDate: string) => ({ id, student: { id: student }, registeredDate });

  test('a reference must be one of the asked ids; no filter, no check', () => {
    const rows = [grade('g1', 's1', '2026-09-01'), grade('g2', 's2', '2026-09-01')];
    expect(checkListRows(origin, 'grades', { student: 's1' }, rows).map((row) => row.id)).toEqual(['g1']);
    expect(checkListRows(origin, 'grades', {}, rows)).toBe(rows);
  });

  test('date windows are inclusive where the spec says so; meta.*.after is exclusive', () => {
    const rows = [grade('g1', 's', '2026-09-01'), grade('g2', 's', '2026-09-02'), grade('g3', 's', '2026-09-03')];
    const query = { 'registeredDate.onOrAfter': '2026-09-02', 'registeredDate.onOrBefore': '2026-09-02' };
    expect(checkListRows(origin, 'grades', query, rows).map((row) => row.id)).toEqual(['g2']);
    const meta = [
      { id: 'a', meta: { modified: '2026-09-01T10:00:00Z' } },
      { id: 'b', meta: { modified: '2026-09-01T10:00:01Z' } },
    ];
    expect(checkListRows(origin, 'grades', { 'meta.modified.after': '2026-09-01T12:00:00+02:00' }, meta).map((row) => row.id)).toEqual([
      'b',
    ]);
  });

  test('an endDate that is not set always passes; activity dates are not applied with member or teacher', () => {
    const rows = [
      { id: 'open', startDate: '2026-01-01' },
      { id: 'ended', startDate: '2026-01-01', endDate: '2026-02-01' },
    ];
    expect(checkListRows(origin, 'groups', { 'endDate.onOrAfter': '2026-06-01' }, rows).map((row) => row.id)).toEqual(['open']);
    expect(checkListRows(origin, 'activities', { 'endDate.onOrAfter': '2026-06-01', member: 'p' }, rows)).toHaveLength(2);
  });

  test('arrays: an activity of the asked teacher duty, a placement whose child or owner is the asked person', () => {
    const activities = [
      { id: 'a1', teachers: [{ duty: { id: 'd1' } }] },
      { id: 'a2', teachers: [{ duty: { id: 'd2' } }] },
    ];
    expect(checkLookupRows(origin, 'activities', 'teachers', ['d2'], activities).map((row) => row.id)).toEqual(['a2']);
    const placements = [
      { id: 'p1', child: { id: 'c' }, owners: [{ id: 'o' }] },
      { id: 'p2', child: { id: 'x' }, owners: [{ id: 'y' }] },
    ];
    expect(checkLookupRows(origin, 'placements', 'personIds', ['o'], placements).map((row) => row.id)).toEqual(['p1']);
    expect(checkLookupRows(origin, 'activities', 'members', ['p'], activities)).toBe(activities);
  });

  test('aggregated rows must sum a window inside the asked one', () => {
    const rows = [
      { activity: { id: 'a' }, student: { id: 's' }, startDate: '2026-09-01', endDate: '2026-09-30', attendanceSum: 1 },
      { activity: { id: 'a' }, student: { id: 's' }, startDate: '2026-08-01', endDate: '2026-12-31', attendanceSum: 9 },
    ];
    expect(checkListRows(origin, 'aggregatedAttendance', { startDate: '2026-09-01', endDate: '2026-09-30' }, rows)).toEqual([rows[0]]);
  });
});
