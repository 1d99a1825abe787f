// The fold: producer pages go into running sums per output row as they arrive; memory grows with
// the number of output rows (and their distinct students), not with the producer's rows.
import { unitAllows, type UnitSet } from '../../../auth';
import type { AbsenceFact, StreamSpec, StreamWindow, SummaryStrategy } from './fact';
import { keysOf, type AbsenceGrouping } from './grouping';
import { figuresOf, Tally, type Figures } from './tally';

export interface SummaryPlan {
  readonly groupBy: AbsenceGrouping;
  readonly window: StreamWindow;
  readonly streams: readonly StreamSpec[];
  /** Rows outside these units are dropped even if a producer sends them. */
  readonly units: UnitSet;
  readonly groups: ReadonlySet<string> | undefined;
  readonly students: ReadonlySet<string> | undefined;
  /** Streams in flight at once: the producer's concurrency limit. */
  readonly concurrency: number;
  /** Rows describing fewer students are suppressed (1 = none). */
  readonly minGroupSize: number;
}

export interface SummaryRow extends Figures {
  readonly key: string;
}

export interface Summary {
  /** Shown rows, ordered by key. */
  readonly rows: readonly SummaryRow[];
  /** The whole selection; null when it describes fewer than minGroupSize students. */
  readonly total: Figures | null;
  readonly suppressed: { rows: number; students: number };
}

async function eachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function summarise(plan: SummaryPlan, strategy: SummaryStrategy): Promise<Summary> {
  const tallies = new Map<string, Tally>();
  const total = new Tally();
  const sink = (fact: AbsenceFact): void => {
    if (!unitAllows(plan.units, fact.unit)) return;
    if (plan.students && !plan.students.has(fact.student)) return;
    if (plan.groups && !fact.groups.some((group) => plan.groups!.has(group))) return;
    total.add(fact.student, fact.minutes);
    for (const key of keysOf(plan.groupBy, fact, plan.groups)) {
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = new Tally()));
      tally.add(fact.student, fact.minutes);
    }
  };
  await eachConcurrently(plan.streams, plan.concurrency, (stream) => strategy(stream, plan.window, sink));
  const rows: SummaryRow[] = [];
  const suppressed = { rows: 0, students: 0 };
  for (const key of [...tallies.keys()].sort()) {
    const figures = figuresOf(tallies.get(key)!);
    if (figures.studentCount < plan.minGroupSize) {
      suppressed.rows += 1;
      suppressed.students += figures.studentCount;
    } else rows.push({ key, ...figures });
  }
  const totals = figuresOf(total);
  const hidden = totals.studentCount > 0 && totals.studentCount < plan.minGroupSize;
  return { rows, total: hidden ? null : totals, suppressed };
}
