// The summary query the scenarios send, and its rows keyed by the grouping's reference.
import type { ExpectedFigures } from './expected';

export const SUMMARY = `query ($from: Date!, $to: Date!, $groupBy: AbsenceGrouping!, $filter: AbsenceSummaryFilter, $first: Int, $after: String) {
  absenceSummary(startDate: $from, endDate: $to, groupBy: $groupBy, filter: $filter, first: $first, after: $after) {
    edges { node {
      schoolUnit { id } group { id } student { id } activity { id } schoolType
      studentCount offeredMinutes attendedMinutes validAbsenceMinutes invalidAbsenceMinutes otherMinutes reportedMinutes
      absenceRate invalidAbsenceRate
    } }
    pageInfo { hasNextPage endCursor }
    totalCount
    total { studentCount offeredMinutes attendedMinutes validAbsenceMinutes invalidAbsenceMinutes otherMinutes reportedMinutes absenceRate }
    suppressed { rows students }
  }
}`;

export interface SummaryNode extends ExpectedFigures {
  schoolUnit: { id: string } | null;
  group: { id: string } | null;
  student: { id: string } | null;
  activity: { id: string } | null;
  schoolType: string | null;
  absenceRate: number | null;
  invalidAbsenceRate: number | null;
}

export interface SummaryData {
  absenceSummary: {
    edges: { node: SummaryNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
    total: (ExpectedFigures & { absenceRate: number | null }) | null;
    suppressed: { rows: number; students: number };
  };
}

const keyOf = (node: SummaryNode): string =>
  node.schoolUnit?.id ?? node.group?.id ?? node.student?.id ?? node.activity?.id ?? node.schoolType ?? '?';

/** key → the seven figures the expectation knows (rates are checked separately). */
export function figuresByKey(data: SummaryData): Map<string, ExpectedFigures> {
  return new Map(
    data.absenceSummary.edges.map(({ node }) => [
      keyOf(node),
      {
        studentCount: node.studentCount,
        offeredMinutes: node.offeredMinutes,
        attendedMinutes: node.attendedMinutes,
        validAbsenceMinutes: node.validAbsenceMinutes,
        invalidAbsenceMinutes: node.invalidAbsenceMinutes,
        otherMinutes: node.otherMinutes,
        reportedMinutes: node.reportedMinutes,
      },
    ]),
  );
}
