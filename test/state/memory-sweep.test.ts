// Expired entries of the memory store are dropped by a timer, not kept until the cache needs room.
jest.useFakeTimers();

test('an entry is gone from memory a minute after its TTL is up, without being read', async () => {
  // Loaded under fake timers, so the sweep's interval and lru-cache's clock are the fake ones.
  const { createMemoryStore } = require('../../src/state/memory-store') as typeof import('../../src/state/memory-store');
  // The fake clock starts at 0, which lru-cache reads as "no start time".
  jest.advanceTimersByTime(1_000);
  const store = createMemoryStore();
  try {
    const space = store.space('summary:v1', { ttlMs: 10 * 60_000, maxEntryChars: 100, maxChars: 1_000 });
    expect(await space.setMany([['a', 'rows']])).toBe(true);
    expect(store.entryCount()).toBe(1);
    jest.advanceTimersByTime(5 * 60_000);
    expect(store.entryCount()).toBe(1);
    jest.advanceTimersByTime(7 * 60_000);
    expect(store.entryCount()).toBe(0);
  } finally {
    await store.close();
  }
});
