// Snapshots in the shared store: kept in chunks, a page reads exactly its rows (across a chunk boundary
// too), only for the fingerprint it was kept for; without the store nothing is kept or read, and
// nothing throws (the resolver recomputes). Across replicas over real HTTP: test/gateway/replicas.test.ts.
import { SummarySnapshots } from '../../../src/resolvers/attendance/summary/snapshots';
import type { Summary } from '../../../src/resolvers/attendance/summary/summarise';
import { createSharedStore, type SharedStore } from '../../../src/state';

const row = (i: number) => ({
  key: `student-${String(i).padStart(5, '0')}`,
  studentCount: 1,
  offeredMinutes: 600 + i,
  attendedMinutes: 600,
  validAbsenceMinutes: i,
  invalidAbsenceMinutes: 0,
  otherMinutes: 0,
  reportedMinutes: 0,
  absenceRate: i / (600 + i),
  invalidAbsenceRate: 0,
});
const summary: Summary = { rows: Array.from({ length: 2_500 }, (_, i) => row(i)), total: null, suppressed: { rows: 0, students: 0 } };

let store: SharedStore;
beforeAll(() => {
  store = createSharedStore();
});
afterAll(() => store.close());

test('a page reads its rows, across a chunk boundary and at the end, with the figures beside them', async () => {
  const snapshots = new SummarySnapshots(store);
  const id = (await snapshots.keep('demo-full', 'fingerprint', summary))!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const page = await snapshots.read('demo-full', 'fingerprint', id, 990, 20);
  expect(page).toEqual({ rowCount: 2_500, total: null, suppressed: { rows: 0, students: 0 }, rows: summary.rows.slice(990, 1010) });
  expect((await snapshots.read('demo-full', 'fingerprint', id, 2_490, 50))?.rows).toEqual(summary.rows.slice(2_490));
  expect((await snapshots.read('demo-full', 'fingerprint', id, 2_500, 50))?.rows).toEqual([]);
});

test('another supplier, or the same supplier with another fingerprint, reads nothing', async () => {
  const snapshots = new SummarySnapshots(store);
  const id = (await snapshots.keep('demo-full', 'fingerprint', summary))!;
  expect(await snapshots.read('demo-lms', 'fingerprint', id, 0, 10)).toBeUndefined();
  expect(await snapshots.read('demo-full', 'another grant', id, 0, 10)).toBeUndefined();
});

test('without Redis nothing is kept and nothing is read, and neither throws', async () => {
  const away = createSharedStore({ redisUrl: 'redis://127.0.0.1:1', keyPrefix: 'test-snapshots:unreachable' });
  try {
    const snapshots = new SummarySnapshots(away);
    expect(await snapshots.keep('demo-full', 'fingerprint', summary)).toBeUndefined();
    expect(await snapshots.read('demo-full', 'fingerprint', '00000000-0000-4000-8000-000000000000', 0, 10)).toBeUndefined();
  } finally {
    await away.close();
  }
});
