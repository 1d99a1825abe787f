// The change feed (issue 11, part 2): producers' changes in, per-supplier feed and webhooks out.
import type { ChangeCursors } from './cursor';
import type { ChangeStore } from './store';

export { ChangeCursors } from './cursor';
export { MemoryChangeStore } from './memory-store';
export { startChangeService, type ChangeService, type ChangeServiceOptions } from './service';
export type { ChangeStore } from './store';
export type { NotificationAuth } from './notifications';

/** What the changes subgraph reads the feed with. */
export interface ChangeFeed {
  readonly store: ChangeStore;
  readonly cursors: ChangeCursors;
}
