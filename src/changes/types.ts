// The change feed's records: one per object the gateway learned was modified or deleted.
import type { ProducerName } from '../ss12000/resources';

export type ChangeKind = 'MODIFIED' | 'DELETED';

export interface NewChange {
  readonly producer: ProducerName;
  /** SS 12000 entity name (`Attendance`, `Person` …): the spec's EndPointsEnum, the graph's type name. */
  readonly type: string;
  readonly id: string;
  readonly change: ChangeKind;
  /** MODIFIED: the row's meta.modified; DELETED: when the gateway learned of it (the spec gives no time). */
  readonly at: string;
}

export interface ChangeRecord extends NewChange {
  /** Position in the log, increasing: what cursors point at. */
  readonly seq: number;
}

/** A notification to a supplier's webhook, kept until delivered or given up. */
export interface Delivery {
  readonly id: number;
  readonly supplier: string;
  readonly body: string;
  readonly attempts: number;
}

/** A producer's subscription as the gateway holds it. */
export interface HeldSubscription {
  readonly id: string;
  readonly target: string;
  readonly expires: string;
}
