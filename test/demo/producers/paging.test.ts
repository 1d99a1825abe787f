// Paging: `limit` + opaque `pageToken` give every item exactly once, keep the original
// filters and sort order, and end with pageToken null.
import { RESOURCES, type ResourceName } from '../../../src/ss12000/resources';
import { specOperation } from '../../../src/ss12000/spec-validator';
import { startDemo, walk, type Demo } from './harness';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo.running.close());

const ids = (items: { id: string }[]): string[] => items.map((i) => i.id);
const expectEachOnce = (walked: string[], expected: string[]): void => {
  expect(new Set(walked).size).toBe(walked.length);
  expect([...walked].sort()).toEqual([...expected].sort());
};

describe('paging', () => {
  it.each([
    ['register', '/organisations', 1],
    ['register', '/groups', 7],
    ['register', '/persons', 100],
    ['grades', '/grades', 250],
    ['schedule', '/rooms', 5],
  ] as const)('GET %s %s with limit=%d walks every item exactly once', async (producer, path, limit) => {
    const name = path.slice(1) as 'organisations';
    const walked = await walk<{ id: string }>(demo, producer, path, limit);
    expectEachOnce(
      ids(walked),
      [...demo.dataset[name].values()].map((e) => e.id),
    );
  });

  it('walks a lazily generated collection under a filter (attendances of one student, limit 13)', async () => {
    const student = demo.dataset.attendances.values().next().value!.student.id;
    const expected = [...demo.dataset.attendances.values()].filter((a) => a.student.id === student).map((a) => a.id);
    expect(expected.length).toBeGreaterThan(13);
    expectEachOnce(ids(await walk(demo, 'attendance', `/attendances?student=${student}`, 13)), expected);
  });

  it('walks the required time window of calendarEvents with limit=999', async () => {
    const window = 'startTime.onOrAfter=2026-09-01T00:00:00%2B02:00&startTime.onOrBefore=2026-09-30T23:59:59%2B02:00';
    const expected = [...demo.dataset.calendarEvents.values()]
      .filter(
        (e) =>
          Date.parse(e.startTime) >= Date.parse('2026-09-01T00:00:00+02:00') &&
          Date.parse(e.startTime) <= Date.parse('2026-09-30T23:59:59+02:00'),
      )
      .map((e) => e.id);
    expect(expected.length).toBeGreaterThan(999);
    expectEachOnce(ids(await walk(demo, 'schedule', `/calendarEvents?${window}`, 999)), expected);
  });

  it('keeps the filter of the first request on every later page', async () => {
    const all = (await demo.get('register', '/groups?groupType=Klass&limit=10000')).body.data;
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((g: { groupType: string }) => g.groupType === 'Klass')).toBe(true);
    expect(ids(await walk(demo, 'register', '/groups?groupType=Klass', 5))).toEqual(ids(all));
  });

  it('keeps the sort order across pages (persons by family name, 37 a page)', async () => {
    const walked = await walk<{ id: string; familyName: string; givenName: string }>(
      demo,
      'register',
      '/persons?sortkey=FamilyNameAsc',
      37,
    );
    expect(walked).toHaveLength(demo.dataset.persons.size);
    const names = walked.map((p) => p.familyName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
    const desc = await walk<{ familyName: string }>(demo, 'register', '/persons?sortkey=FamilyNameDesc', 500);
    expect(desc[0]!.familyName).toBe(names[names.length - 1]);
  });

  it('lets a later page ask for a different limit', async () => {
    const first = await demo.get('register', '/persons?limit=10');
    const second = await demo.get('register', `/persons?limit=3&pageToken=${encodeURIComponent(first.body.pageToken)}`);
    const reference = await demo.get('register', '/persons?limit=13');
    expect(ids([...first.body.data, ...second.body.data])).toEqual(ids(reference.body.data));
  });

  it('answers one page with pageToken null when everything fits', async () => {
    const answer = await demo.get('register', `/organisations?limit=${demo.dataset.organisations.size}`);
    expect(answer.body.data).toHaveLength(demo.dataset.organisations.size);
    expect(answer.body.pageToken).toBeNull();
  });

  it('sorts by every sortkey the spec defines, over the same items; ModifiedDesc is newest first', async () => {
    const window = 'startTime.onOrAfter=2026-09-07T00:00:00Z&startTime.onOrBefore=2026-09-13T23:59:59Z';
    for (const [name, info] of Object.entries(RESOURCES) as [ResourceName, (typeof RESOURCES)[ResourceName]][]) {
      const param = specOperation('GET', info.path)!.parameters.find((p) => p.name === 'sortkey');
      const sortkeys = (param?.schema.enum as string[] | undefined) ?? [];
      if (sortkeys.length === 0) continue;
      const base = name === 'calendarEvents' ? `${info.path}?${window}` : info.path;
      const unsorted = await walk<{ id: string }>(demo, info.producer, base, 1000);
      for (const sortkey of sortkeys) {
        const sorted = await walk<{ id: string; meta: { modified: string } }>(
          demo,
          info.producer,
          `${base}${base.includes('?') ? '&' : '?'}sortkey=${sortkey}`,
          1000,
        );
        expect([info.path, sortkey, sorted.map((e) => e.id).sort()]).toEqual([info.path, sortkey, unsorted.map((e) => e.id).sort()]);
        // SchoolUnitOffering has no meta in the spec: nothing to order by.
        if (sortkey === 'ModifiedDesc' && name !== 'schoolUnitOfferings') {
          const times = sorted.map((e) => Date.parse(e.meta.modified));
          expect(times).toEqual([...times].sort((a, b) => b - a));
        }
      }
    }
  });
});
