// What both summary strategies hand to the fold: one contribution of one student to one activity
// (a whole (activity, student) row, or a single lesson; the sums are the same either way).
import type { Minutes } from './tally';

export interface AbsenceFact {
  /** The organisation that owns the activity (the school unit). */
  readonly unit: string;
  readonly activity: string;
  /** The activity's groups: the lesson was given to each of them. */
  readonly groups: readonly string[];
  /** Set when the stream asked the producer for one school type (SCHOOL_TYPE grouping). */
  readonly schoolType: string | undefined;
  readonly student: string;
  readonly minutes: Minutes;
}

/** One producer stream: the rows of one organisation, optionally of given school types. */
export interface StreamSpec {
  readonly organisation: string;
  readonly schoolTypes?: readonly string[];
  /** The school type the stream's rows are attributed to (SCHOOL_TYPE grouping: one stream per type). */
  readonly schoolType?: string;
}

export interface StreamWindow {
  /** Inclusive YYYY-MM-DD. */
  readonly startDate: string;
  readonly endDate: string;
  /** Passed to the producer where it can filter by student. */
  readonly students?: readonly string[];
  /** Ask person references to carry securityMarking and drop protected students' rows. */
  readonly excludeProtected: boolean;
}

export type FactSink = (fact: AbsenceFact) => void;

/** Streams one StreamSpec from the producers into the sink, page by page. */
export type SummaryStrategy = (stream: StreamSpec, window: StreamWindow, sink: FactSink) => Promise<void>;

/** A person reference as it comes with expandReferenceNames: protected unless marked `Ingen`. */
export const isProtected = (reference: { securityMarking?: string }): boolean =>
  reference.securityMarking !== undefined && reference.securityMarking !== 'Ingen';
