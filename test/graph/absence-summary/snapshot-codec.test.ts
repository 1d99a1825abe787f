// A kept summary goes to the shared store as text and comes back exactly: integers, doubles, nulls.
// What does not read as this version wrote it is a miss (recomputed), never served.
import { decodeHead, decodeRows, encodeHead, encodeRows } from '../../../src/resolvers/attendance/summary/snapshot-codec';
import type { Summary } from '../../../src/resolvers/attendance/summary/summarise';

const figures = (offered: number, absent: number) => ({
  studentCount: 7,
  offeredMinutes: offered,
  attendedMinutes: offered - absent,
  validAbsenceMinutes: absent,
  invalidAbsenceMinutes: 0,
  otherMinutes: 0,
  reportedMinutes: 3,
  absenceRate: offered === 0 ? null : absent / offered,
  invalidAbsenceRate: offered === 0 ? null : 0,
});

const summary: Summary = {
  rows: [
    { key: 'a1b2', ...figures(2_700, 45) },
    { key: 'c3d4', ...figures(0, 0) },
    { key: 'e5f6', ...figures(1_000_003, 333_331) },
  ],
  total: figures(1_002_703, 333_376),
  suppressed: { rows: 2, students: 6 },
};

test('rows and head come back as they were kept, rates to the last bit', () => {
  expect(decodeRows(encodeRows(summary.rows))).toEqual(summary.rows);
  expect(decodeHead(encodeHead('fingerprint', summary))).toEqual({
    fingerprint: 'fingerprint',
    rowCount: 3,
    total: summary.total,
    suppressed: summary.suppressed,
  });
  expect(decodeHead(encodeHead('f', { ...summary, total: null }))?.total).toBeNull();
});

test('anything else is a miss', () => {
  const rows = JSON.parse(encodeRows(summary.rows)) as unknown[][];
  for (const broken of [
    'not json',
    '{}',
    JSON.stringify([[...rows[0]!.slice(0, -1)]]),
    JSON.stringify([[1, ...rows[0]!.slice(1)]]),
    JSON.stringify([[rows[0]![0], null, ...rows[0]!.slice(2)]]),
    JSON.stringify([[rows[0]![0], '7', ...rows[0]!.slice(2)]]),
  ]) {
    expect(decodeRows(broken)).toBeUndefined();
  }
  const head = JSON.parse(encodeHead('f', summary)) as Record<string, unknown>;
  for (const broken of [
    '[]',
    JSON.stringify({ ...head, fingerprint: 1 }),
    JSON.stringify({ ...head, rowCount: '3' }),
    JSON.stringify({ ...head, suppressed: {} }),
    JSON.stringify({ ...head, total: [1] }),
  ]) {
    expect(decodeHead(broken)).toBeUndefined();
  }
});
