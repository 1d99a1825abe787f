// Query.absenceSummary: absence per school unit, group, student, activity or school type over a
// date window, for analytics. Computed in this subgraph from the attendance producer (activities'
// units and groups from the schedule producer: the fold needs them, no entity is resolved), within
// the caller's units; see summarise.ts (the fold), streams.ts (which units) and the two strategies.
//
// Privacy: with `protectedIdentities: exclude`, protected students (securityMarking other than
// Ingen) are left out of every figure, counts and totals included, so their absence cannot be
// inferred by difference. With `alias` they are counted (a count names nobody) and a STUDENT row
// shows only the id; the register resolves the person with its own field and alias rules.
// `minGroupSize` suppresses every row (and the total) describing fewer students, and what could
// give such a figure by difference (summarise.ts); such a supplier may filter by units, groups and
// school types, never by a list of students (A–E against A–F is F alone): refused before any producer is asked.
import { GraphQLError } from 'graphql';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Caller } from '../../../auth';
import type { SubgraphContext } from '../../shared/context';
import { checkFirst } from '../../shared/cursor';
import { badUserInput, type ErrorCode } from '../../shared/errors';
import { requireId } from '../../shared/ids';
import { wireDate } from '../../shared/wire-params';
import { aggregatedStrategy } from './aggregated-strategy';
import { AbsenceGrouping } from './grouping';
import { lessonsStrategy } from './lessons-strategy';
import { cursorContext, decodePosition, encodePosition } from './paging';
import { fingerprintOf, SummarySnapshots, type SnapshotPage } from './snapshots';
import { planStreams } from './streams';
import { summarise, type Summary, type SummaryRow } from './summarise';
import { AbsenceSummaryArgs, type AbsenceSummaryFilter } from './summary.args';
import { AbsenceSummaryConnection, type AbsenceSummaryRow } from './summary.type';

// Beyond this many, student ids go only into the fold's filter, not into the producer's URL.
const MAX_STUDENTS_IN_QUERY = 200;

const ids = (values: string[] | undefined, argument: string): string[] | undefined => values?.map((value) => requireId(value, argument));

const rowOf = (groupBy: AbsenceGrouping, row: SummaryRow): AbsenceSummaryRow => {
  const { key, ...figures } = row;
  const ref = { id: key };
  switch (groupBy) {
    case AbsenceGrouping.SCHOOL_UNIT:
      return { ...figures, schoolUnit: ref };
    case AbsenceGrouping.GROUP:
      return { ...figures, group: ref };
    case AbsenceGrouping.STUDENT:
      return { ...figures, student: ref };
    case AbsenceGrouping.ACTIVITY:
      return { ...figures, activity: ref };
    case AbsenceGrouping.SCHOOL_TYPE:
      return { ...figures, schoolType: key };
  }
};

/** A supplier whose figures must describe at least minGroupSize students (1 suppresses nothing). */
const hasMinimumGroup = (caller: Caller): boolean => (caller.minGroupSize ?? 1) > 1;

/** Filters below group level would single students out by difference; refused, naming the argument. */
function refuseStudentFilters(args: AbsenceSummaryArgs, caller: Caller): void {
  if (!hasMinimumGroup(caller) || args.filter?.students === undefined || args.filter.students === null) return;
  throw new GraphQLError(
    'Not permitted to filter absenceSummary by filter.students: this supplier sees absence only for groups of at least ' +
      `${caller.minGroupSize} students; filter by units, groups or school types.`,
    { extensions: { code: 'FORBIDDEN' satisfies ErrorCode, argument: 'filter.students' } },
  );
}

interface SummaryQuery {
  readonly startDate: string;
  readonly endDate: string;
  readonly groupBy: AbsenceGrouping;
  readonly units: string[] | undefined;
  readonly groups: string[] | undefined;
  readonly students: string[] | undefined;
  readonly schoolTypes: string[] | undefined;
}

/** The arguments checked and in wire form; everything but paging, so it also fingerprints a snapshot. */
function readQuery(args: AbsenceSummaryArgs): SummaryQuery {
  const startDate = wireDate(args.startDate)!;
  const endDate = wireDate(args.endDate)!;
  if (endDate < startDate) throw badUserInput('endDate is before startDate.', 'endDate');
  const filter: AbsenceSummaryFilter = args.filter ?? {};
  return {
    startDate,
    endDate,
    groupBy: args.groupBy,
    units: ids(filter.units, 'filter.units'),
    groups: ids(filter.groups, 'filter.groups'),
    students: ids(filter.students, 'filter.students'),
    schoolTypes: filter.schoolTypes,
  };
}

async function compute(query: SummaryQuery, ctx: SubgraphContext): Promise<Summary> {
  const { groupBy, units, groups, students, schoolTypes } = query;
  const source = ctx.sources.attendance;
  const perLesson = source.tuning.summarySource === 'attendances';
  if (perLesson && (groupBy === AbsenceGrouping.SCHOOL_TYPE || schoolTypes !== undefined)) {
    throw badUserInput('School types are not available from a producer that reports only per lesson.', 'groupBy');
  }
  const { caller } = ctx;
  const allowed = caller.units;
  const streams = await planStreams(ctx.sources, {
    units: allowed,
    requested: units,
    schoolTypes,
    perSchoolType: groupBy === AbsenceGrouping.SCHOOL_TYPE,
  });
  return summarise(
    {
      groupBy,
      window: {
        startDate: query.startDate,
        endDate: query.endDate,
        students: students && students.length <= MAX_STUDENTS_IN_QUERY ? students : undefined,
        excludeProtected: caller.protectedIdentities === 'exclude',
      },
      streams,
      units: allowed,
      groups: groups && new Set(groups),
      students: students && new Set(students),
      concurrency: source.tuning.maxConcurrency,
      minGroupSize: caller.minGroupSize ?? 1,
      namedUnits: units,
    },
    perLesson ? lessonsStrategy(ctx.sources) : aggregatedStrategy(ctx.sources),
  );
}

interface ServedPage extends SnapshotPage {
  /** Where the summary was kept, if it was. */
  readonly snapshot: string | undefined;
}

/** The page computed afresh; the whole summary kept for the pages after it, when there are any. */
async function computePage(
  query: SummaryQuery,
  ctx: SubgraphContext,
  offset: number,
  first: number,
  fingerprint: string,
  snapshots: SummarySnapshots,
): Promise<ServedPage> {
  const summary = await compute(query, ctx);
  const hasNextPage = offset + first < summary.rows.length;
  const snapshot = hasNextPage ? await snapshots.keep(ctx.caller.supplier, fingerprint, summary) : undefined;
  return {
    rowCount: summary.rows.length,
    total: summary.total,
    suppressed: summary.suppressed,
    rows: summary.rows.slice(offset, offset + first),
    snapshot,
  };
}

@Resolver()
export class AbsenceSummaryResolver {
  @Query(() => AbsenceSummaryConnection, {
    description:
      'Absence over startDate..endDate (inclusive) grouped by groupBy, from the attendance producer, within the caller\u2019s units. ' +
      'absenceRate = (valid + invalid absence minutes) / offered minutes. The first page computes the figures; ' +
      'the pages after it (`after`) read the same rows for ten minutes, then recompute.',
  })
  async absenceSummary(
    @Args(() => AbsenceSummaryArgs) args: AbsenceSummaryArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AbsenceSummaryConnection> {
    refuseStudentFilters(args, ctx.caller);
    const query = readQuery(args);
    const first = checkFirst(args.first);
    const { supplier } = ctx.caller;
    const context = cursorContext(supplier, query);
    const { snapshot: previous, offset } = decodePosition(ctx.cursorSeal, context, args.after);
    const fingerprint = fingerprintOf(ctx.caller, query);
    const snapshots = new SummarySnapshots(ctx.shared);
    const kept = previous === undefined ? undefined : await snapshots.read(supplier, fingerprint, previous, offset, first);
    const page: ServedPage = kept ? { ...kept, snapshot: previous } : await computePage(query, ctx, offset, first, fingerprint, snapshots);
    const { snapshot } = page;
    const edges = page.rows.map((row, index) => ({
      cursor: encodePosition(ctx.cursorSeal, context, { snapshot, offset: offset + index + 1 }),
      node: rowOf(args.groupBy, row),
    }));
    return {
      groupBy: args.groupBy,
      startDate: query.startDate,
      endDate: query.endDate,
      edges,
      pageInfo: {
        hasNextPage: offset + first < page.rowCount,
        endCursor: edges.at(-1)?.cursor ?? args.after ?? null,
        totalCount: page.rowCount,
      },
      totalCount: page.rowCount,
      total: page.total,
      suppressed: page.suppressed,
    };
  }
}
