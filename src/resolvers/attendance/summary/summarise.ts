// The fold: producer pages go into running sums per output row as they arrive; memory grows with
// the number of output rows (and their distinct students), not with the producer's rows.
import { unitAllows, type UnitSet } from '../../../auth';
import type { AbsenceFact, StreamSpec, StreamWindow, SummaryStrategy } from './fact';
import { AbsenceGrouping, keysOf } from './grouping';
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
  /** The `units` filter as the caller named them (each is checked on its own under a minimum group size). */
  readonly namedUnits?: readonly string[];
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

/**
 * What a minimum group size must also withhold so that no figure of fewer students can be worked
 * out by difference (issue 10):
 * - the total, when the part of it no shown row covers (total minus rows: the suppressed rows, and
 *   lessons in no row) describes fewer students: complementary suppression;
 * - the whole answer, when one unit or group the filter names contributes on its own (not through
 *   another named group) fewer students: asking with and without it would give that part alone.
 * A student list is refused before any of this (summary.resolver.ts).
 */
class DifferencingGuard {
  /** GROUP rows overlap: the students of facts counted in exactly one row, per row. Other groupings: the row's own tally. */
  private readonly sole = new Map<string, Set<string>>();
  /** Facts counted in no row or in several: their students, per set of row keys. */
  private readonly shared = new Map<string, { keys: readonly string[]; students: Set<string> }>();
  private readonly perUnit: Map<string, Set<string>> | undefined;
  private readonly perGroup = new Map<string, Set<string>>();

  constructor(private readonly plan: SummaryPlan) {
    this.perUnit = plan.namedUnits && new Map(plan.namedUnits.map((unit) => [unit, new Set<string>()]));
  }

  add(fact: AbsenceFact, keys: readonly string[]): void {
    const { student } = fact;
    if (keys.length === 1) {
      if (this.plan.groupBy === AbsenceGrouping.GROUP) add(this.sole, keys[0]!, student);
    } else {
      const signature = keys.join('\u0000');
      let entry = this.shared.get(signature);
      if (!entry) this.shared.set(signature, (entry = { keys, students: new Set() }));
      entry.students.add(student);
    }
    this.perUnit?.get(fact.unit)?.add(student);
    if (this.plan.groups) {
      const named = fact.groups.filter((group) => this.plan.groups!.has(group));
      if (named.length === 1) add(this.perGroup, named[0]!, student);
    }
  }

  private small(students: number): boolean {
    return students > 0 && students < this.plan.minGroupSize;
  }

  /** A named unit or group whose own part describes fewer students than the minimum. */
  namesASmallPart(): boolean {
    return [...(this.perUnit?.values() ?? []), ...this.perGroup.values()].some((students) => this.small(students.size));
  }

  /** Whether total minus the shown rows describes fewer students than the minimum. */
  remainderIsSmall(tallies: ReadonlyMap<string, Tally>, shown: ReadonlySet<string>): boolean {
    const remainder = new Set<string>();
    for (const [key, tally] of tallies) {
      if (shown.has(key)) continue;
      const students = this.plan.groupBy === AbsenceGrouping.GROUP ? this.sole.get(key) : tally.students;
      for (const student of students ?? []) remainder.add(student);
    }
    for (const { keys, students } of this.shared.values()) {
      if (!keys.some((key) => shown.has(key))) for (const student of students) remainder.add(student);
    }
    return this.small(remainder.size);
  }
}

const add = (map: Map<string, Set<string>>, key: string, student: string): void => {
  let students = map.get(key);
  if (!students) map.set(key, (students = new Set()));
  students.add(student);
};

export async function summarise(plan: SummaryPlan, strategy: SummaryStrategy): Promise<Summary> {
  const tallies = new Map<string, Tally>();
  const total = new Tally();
  // Only a minimum group size above 1 suppresses anything; without one nothing is tracked.
  const guard = plan.minGroupSize > 1 ? new DifferencingGuard(plan) : undefined;
  const sink = (fact: AbsenceFact): void => {
    if (!unitAllows(plan.units, fact.unit)) return;
    if (plan.students && !plan.students.has(fact.student)) return;
    if (plan.groups && !fact.groups.some((group) => plan.groups!.has(group))) return;
    total.add(fact.student, fact.minutes);
    const keys = keysOf(plan.groupBy, fact, plan.groups);
    for (const key of keys) {
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = new Tally()));
      tally.add(fact.student, fact.minutes);
    }
    guard?.add(fact, keys);
  };
  await eachConcurrently(plan.streams, plan.concurrency, (stream) => strategy(stream, plan.window, sink));
  const withheld = guard?.namesASmallPart() === true;
  const rows: SummaryRow[] = [];
  const suppressed = { rows: 0, students: 0 };
  for (const key of [...tallies.keys()].sort()) {
    const figures = figuresOf(tallies.get(key)!);
    if (withheld || figures.studentCount < plan.minGroupSize) {
      suppressed.rows += 1;
      suppressed.students += figures.studentCount;
    } else rows.push({ key, ...figures });
  }
  const totals = figuresOf(total);
  const hidden =
    withheld ||
    (totals.studentCount > 0 && totals.studentCount < plan.minGroupSize) ||
    guard?.remainderIsSmall(tallies, new Set(rows.map((row) => row.key))) === true;
  return { rows, total: hidden ? null : totals, suppressed };
}
