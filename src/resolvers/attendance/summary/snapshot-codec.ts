// A kept summary as text for the shared store, and back. Every figure is a number (minutes and counts
// are integers, rates doubles, which JSON gives back exactly) or null; there are no Dates or bigints.
// Rows go as tuples in a fixed column order, about half the size of objects. What comes back is checked
// before it is served: anything that does not read as this version wrote it is a miss (recomputed).
import type { Figures } from './tally';
import type { Summary, SummaryRow } from './summarise';

const COLUMNS = [
  'studentCount',
  'offeredMinutes',
  'attendedMinutes',
  'validAbsenceMinutes',
  'invalidAbsenceMinutes',
  'otherMinutes',
  'reportedMinutes',
  'absenceRate',
  'invalidAbsenceRate',
] as const satisfies readonly (keyof Figures)[];
const NULLABLE: ReadonlySet<string> = new Set(['absenceRate', 'invalidAbsenceRate']);

type Tuple = [string, ...(number | null)[]];

/** What the first read of a kept summary tells: how many rows, the figures beside them, and who it is for. */
export interface SnapshotHead {
  readonly fingerprint: string;
  readonly rowCount: number;
  readonly total: Figures | null;
  readonly suppressed: { rows: number; students: number };
}

const figuresTuple = (figures: Figures): (number | null)[] => COLUMNS.map((column) => figures[column]);

function figuresFrom(values: readonly unknown[]): Figures | undefined {
  if (values.length !== COLUMNS.length) return undefined;
  const figures: Record<string, number | null> = {};
  for (const [i, column] of COLUMNS.entries()) {
    const value = values[i];
    if (value === null && NULLABLE.has(column)) figures[column] = null;
    else if (typeof value === 'number' && Number.isFinite(value)) figures[column] = value;
    else return undefined;
  }
  return figures as unknown as Figures;
}

export const encodeHead = (fingerprint: string, summary: Summary): string =>
  JSON.stringify({
    fingerprint,
    rowCount: summary.rows.length,
    total: summary.total && figuresTuple(summary.total),
    suppressed: summary.suppressed,
  });

export function decodeHead(text: string): SnapshotHead | undefined {
  const head = parse(text) as
    { fingerprint?: unknown; rowCount?: unknown; total?: unknown; suppressed?: { rows?: unknown; students?: unknown } } | undefined;
  if (typeof head !== 'object' || head === null || typeof head.fingerprint !== 'string' || !Number.isSafeInteger(head.rowCount))
    return undefined;
  const total = head.total === null ? null : Array.isArray(head.total) ? figuresFrom(head.total) : undefined;
  const { rows, students } = head.suppressed ?? {};
  if (total === undefined || !Number.isSafeInteger(rows) || !Number.isSafeInteger(students)) return undefined;
  return {
    fingerprint: head.fingerprint,
    rowCount: head.rowCount as number,
    total,
    suppressed: { rows: rows as number, students: students as number },
  };
}

export const encodeRows = (rows: readonly SummaryRow[]): string =>
  JSON.stringify(rows.map((row): Tuple => [row.key, ...figuresTuple(row)]));

export function decodeRows(text: string): SummaryRow[] | undefined {
  const tuples = parse(text);
  if (!Array.isArray(tuples)) return undefined;
  const rows: SummaryRow[] = [];
  for (const tuple of tuples) {
    if (!Array.isArray(tuple) || typeof tuple[0] !== 'string') return undefined;
    const figures = figuresFrom(tuple.slice(1));
    if (figures === undefined) return undefined;
    rows.push({ key: tuple[0], ...figures });
  }
  return rows;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
