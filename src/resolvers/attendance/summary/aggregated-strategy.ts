// The main path: GET /aggregatedAttendance, one stream per organisation, folded page by page. Each
// row names its activity; the activity's organisation and groups come from the schedule producer:
// the organisation's activities are listed once per request, alongside the stream's first page, and
// an activity still unknown is looked up (batched). Not `expand=activity`: that embeds the whole
// activity (~660 bytes) again in every one of its rows, three times the bytes to send, parse and
// validate (1,142 against 376 a row, demo data), and measured at twice the summary's time
// (bench/absence.bench.ts, 10,000 students).
import { getOrCompute } from '../../../lib/get-or-compute';
import { reportFilterMismatch, type Sources } from '../../../sources';
import type * as W from '../../../ss12000/wire';
import { isProtected, type FactSink, type StreamSpec, type StreamWindow, type SummaryStrategy } from './fact';
import type { Minutes } from './tally';

interface ActivityFacts {
  organisation: string;
  groups: string[];
}

const factsOf = (activity: Pick<W.Activity, 'organisation' | 'groups'>): ActivityFacts => ({
  organisation: activity.organisation.id,
  groups: (activity.groups ?? []).map((group) => group.id),
});

const minutesOf = (row: W.AggregatedAttendance): Minutes => [
  row.attendanceSum,
  row.validAbsenceSum ?? 0,
  row.invalidAbsenceSum ?? 0,
  row.otherAttendanceSum ?? 0,
  row.reportedSum ?? 0,
  row.offeredSum ?? 0,
];

export const aggregatedStrategy = (sources: Sources): SummaryStrategy => {
  // Per organisation, shared by its streams (SCHOOL_TYPE grouping reads one organisation per type).
  const activitiesOf = new Map<string, Promise<Map<string, ActivityFacts>>>();
  const listActivities = async (organisation: string): Promise<Map<string, ActivityFacts>> => {
    const facts = new Map<string, ActivityFacts>();
    for await (const page of sources.schedule.pages('activities', { organisation })) {
      for (const activity of page) facts.set(activity.id, factsOf(activity));
    }
    return facts;
  };

  return async (stream: StreamSpec, window: StreamWindow, sink: FactSink): Promise<void> => {
    const query = {
      startDate: window.startDate,
      endDate: window.endDate,
      organisation: stream.organisation,
      schoolType: stream.schoolTypes,
      student: window.students,
      expandReferenceNames: window.excludeProtected ? true : undefined,
    };
    const listed = getOrCompute(activitiesOf, stream.organisation, () => {
      const listing = listActivities(stream.organisation);
      // Awaited with the first page; until then a failure must not count as unhandled.
      listing.catch(() => undefined);
      return listing;
    });
    for await (const page of sources.attendance.pages('aggregatedAttendance', query)) {
      const known = await listed;
      const missing = [...new Set(page.map((row) => row.activity.id).filter((id) => !known.has(id)))];
      if (missing.length > 0) {
        // Outside the caller's units an activity comes back null: its rows are left out below.
        const activities = await sources.schedule.loadMany('activities', missing);
        for (const activity of activities) if (activity) known.set(activity.id, factsOf(activity));
      }
      for (const row of page) {
        if (window.excludeProtected && isProtected(row.student as { securityMarking?: string })) continue;
        const activity = known.get(row.activity.id);
        if (!activity) continue;
        // `organisation` is "activities owned by the given element": the row cannot tell, its activity can.
        // A producer that ignored it would count another unit's rows under this one (filter-checks.ts).
        if (activity.organisation !== stream.organisation) {
          reportFilterMismatch({ producer: 'attendance', route: 'GET /aggregatedAttendance' }, 'organisation');
          continue;
        }
        sink({
          unit: activity.organisation,
          activity: row.activity.id,
          groups: activity.groups,
          schoolType: stream.schoolType,
          student: row.student.id,
          minutes: minutesOf(row),
        });
      }
    }
  };
};
