// Expired summary snapshots are dropped by a timer, not kept until the cache needs room.
jest.useFakeTimers();

test('a snapshot is gone from memory a minute after its ten minutes are up, without being read', () => {
  // Loaded under fake timers, so the sweep's interval and lru-cache's clock are the fake ones.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { keepSnapshot, snapshotCount } = require('../../../src/resolvers/attendance/summary/snapshots') as typeof import('../../../src/resolvers/attendance/summary/snapshots');
  // The fake clock starts at 0, which lru-cache reads as "no start time".
  jest.advanceTimersByTime(1_000);
  keepSnapshot('fingerprint', { rows: [] } as never);
  expect(snapshotCount()).toBe(1);
  jest.advanceTimersByTime(5 * 60_000);
  expect(snapshotCount()).toBe(1);
  jest.advanceTimersByTime(7 * 60_000);
  expect(snapshotCount()).toBe(0);
});
