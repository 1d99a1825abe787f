// The main path: GET /aggregatedAttendance?expand=activity, one stream per organisation. The
// expanded activity names its organisation and groups, so no other producer is asked. A producer
// that ignores `expand` gets the activities it left out looked up on the schedule producer
// (batched, once per activity per request) rather than failing the summary.
import type { Sources } from '../../../sources';
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

export const aggregatedStrategy =
  (sources: Sources): SummaryStrategy =>
  async (stream: StreamSpec, window: StreamWindow, sink: FactSink): Promise<void> => {
    const query = {
      startDate: window.startDate,
      endDate: window.endDate,
      organisation: stream.organisation,
      schoolType: stream.schoolTypes,
      student: window.students,
      expand: ['activity'],
      expandReferenceNames: window.excludeProtected ? true : undefined,
    };
    // One entry per activity of the organisation: each is embedded again in every one of its rows.
    const known = new Map<string, ActivityFacts>();
    for await (const page of sources.attendance.pages('aggregatedAttendance', query)) {
      for (const row of page) {
        const embedded = row._embedded?.activity;
        if (embedded && !known.has(row.activity.id)) known.set(row.activity.id, factsOf(embedded));
      }
      const missing = page.map((row) => row.activity.id).filter((id) => !known.has(id));
      if (missing.length > 0) {
        const activities = await sources.schedule.loadMany('activities', [...new Set(missing)]);
        for (const activity of activities) if (activity) known.set(activity.id, factsOf(activity));
      }
      for (const row of page) {
        if (window.excludeProtected && isProtected(row.student as { securityMarking?: string })) continue;
        const activity = known.get(row.activity.id);
        if (!activity) continue;
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
