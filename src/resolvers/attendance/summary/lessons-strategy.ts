// For producers that answer only per lesson (/attendances). An attendance row names its calendar
// event, not a date or an activity: the schedule producer is read for the organisation's lessons in
// the window and for its activities (their groups). This cross-producer read is confined to this
// strategy. Memory per stream: the organisation's lessons in the window and its activities, never
// the attendance rows, which are folded page by page. /attendances has no date filter, so every
// row of the organisation is walked and those outside the window are dropped.
// School types cannot be told from the wire here (an activity carries none): SCHOOL_TYPE grouping
// and the schoolTypes filter are refused for this strategy (see summary.resolver.ts).
import type { Sources } from '../../../sources';
import { lessonDate } from '../lesson-dates';
import { isProtected, type FactSink, type StreamSpec, type StreamWindow, type SummaryStrategy } from './fact';

interface Lesson {
  activity: string;
  minutes: number;
}

// Local dates can sit a day either side of UTC ones: ask one day wider, then keep the Swedish dates.
const shiftDate = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString();

export const lessonsStrategy =
  (sources: Sources): SummaryStrategy =>
  async (stream: StreamSpec, window: StreamWindow, sink: FactSink): Promise<void> => {
    const activities = new Map<string, { organisation: string; groups: string[] }>();
    for await (const page of sources.schedule.pages('activities', { organisation: stream.organisation })) {
      for (const activity of page) {
        activities.set(activity.id, { organisation: activity.organisation.id, groups: (activity.groups ?? []).map((group) => group.id) });
      }
    }
    const lessons = new Map<string, Lesson>();
    const events = {
      organisation: stream.organisation,
      'startTime.onOrAfter': shiftDate(window.startDate, -1),
      'startTime.onOrBefore': shiftDate(window.endDate, 2),
    };
    for await (const page of sources.schedule.pages('calendarEvents', events)) {
      for (const event of page) {
        const date = lessonDate(event.startTime);
        if (date < window.startDate || date > window.endDate) continue;
        const minutes = event.teachingLengthStudent ?? Math.round((Date.parse(event.endTime) - Date.parse(event.startTime)) / 60_000);
        lessons.set(event.id, { activity: event.activity.id, minutes });
      }
    }
    const students = window.students ? new Set(window.students) : undefined;
    const query = { organisation: stream.organisation, expandReferenceNames: window.excludeProtected ? true : undefined };
    for await (const page of sources.attendance.pages('attendances', query)) {
      for (const row of page) {
        const lesson = lessons.get(row.calendarEvent.id);
        if (!lesson || (students && !students.has(row.student.id))) continue;
        if (window.excludeProtected && isProtected(row.student as { securityMarking?: string })) continue;
        const activity = activities.get(lesson.activity);
        sink({
          unit: activity?.organisation ?? stream.organisation,
          activity: lesson.activity,
          groups: activity?.groups ?? [],
          schoolType: undefined,
          student: row.student.id,
          minutes: [
            row.attendanceMinutes ?? 0,
            row.validAbsenceMinutes ?? 0,
            row.invalidAbsenceMinutes ?? 0,
            row.otherAttendanceMinutes ?? 0,
            row.isReported ? lesson.minutes : 0,
            lesson.minutes,
          ],
        });
      }
    }
  };
