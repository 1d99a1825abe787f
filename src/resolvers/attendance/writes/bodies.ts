// Typed inputs → SS 12000 request bodies, checked where GraphQL's types cannot say enough. Every
// BAD_USER_INPUT names the input field. `id` and `meta` are readOnly in the spec: the producer sets them.
import type { CreateAbsenceInput, CreateAttendanceEventInput, CreateAttendanceInput, CreateAttendanceScheduleInput } from './inputs';
import { badUserInput } from '../../shared/errors';
import { wireDate } from '../../shared/wire-params';

type Body = Record<string, unknown>;

const ref = (id: string | undefined): { id: string } | undefined => (id === undefined || id === null ? undefined : { id });

/** Without the keys whose value is undefined (JSON leaves them out anyway; digests and tests read cleaner). */
const defined = (body: Body): Body => Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined && value !== null));

const requireMinutes = (value: number | undefined, field: string): number | undefined => {
  if (value !== undefined && value !== null && value < 0) throw badUserInput(`\`${field}\` must be 0 or more minutes.`, field);
  return value;
};

const requireOrder = (start: Date, end: Date, field: string): void => {
  if (end.getTime() < start.getTime()) throw badUserInput(`\`${field}\` must not be before the start.`, field);
};

const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const requireTimeOfDay = (value: string, field: string): string => {
  if (!TIME_OF_DAY.test(value)) throw badUserInput(`\`${field}\` must be a time of day as HH:MM.`, field);
  return value;
};
const minutesOfDay = (value: string): number => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

export const attendanceBody = (input: CreateAttendanceInput): Body =>
  defined({
    calendarEvent: ref(input.calendarEvent),
    student: ref(input.student),
    reporter: ref(input.reporter),
    isReported: input.isReported,
    attendanceMinutes: requireMinutes(input.attendanceMinutes, 'input.attendanceMinutes'),
    validAbsenceMinutes: requireMinutes(input.validAbsenceMinutes, 'input.validAbsenceMinutes'),
    invalidAbsenceMinutes: requireMinutes(input.invalidAbsenceMinutes, 'input.invalidAbsenceMinutes'),
    otherAttendanceMinutes: requireMinutes(input.otherAttendanceMinutes, 'input.otherAttendanceMinutes'),
    absenceReason: input.absenceReason,
    reportedTimestamp: input.reportedTimestamp?.toISOString(),
  });

// SS 12000's AttendanceEvent has no room: a check-in names the person, the group and who registered it.
export const attendanceEventBody = (input: CreateAttendanceEventInput): Body =>
  defined({
    eventType: input.eventType,
    time: input.time.toISOString(),
    person: ref(input.person),
    group: ref(input.group),
    registeredBy: ref(input.registeredBy),
  });

export const absenceBody = (input: CreateAbsenceInput): Body => {
  requireOrder(input.startTime, input.endTime, 'input.endTime');
  return defined({
    type: input.type,
    startTime: input.startTime.toISOString(),
    endTime: input.endTime.toISOString(),
    student: ref(input.student),
    organisation: ref(input.organisation),
    registeredBy: ref(input.registeredBy),
  });
};

/**
 * Spec slips, followed as the spec writes them (a producer validating against it accepts nothing else):
 * - AttendanceSchedule *requires* `scheduleDays` but never defines it: sent as an empty list, the
 *   entries travel in `scheduleEntries`, which it does define;
 * - AttendanceScheduleEntry types `endTime` as an integer with an HH:MM "format" (startTime is a
 *   string): the input takes HH:MM for both, and endTime is sent as minutes after midnight.
 */
export const attendanceScheduleBody = (input: CreateAttendanceScheduleInput): Body => {
  if (input.numberOfWeeks < 1) throw badUserInput('`input.numberOfWeeks` must be 1 or more.', 'input.numberOfWeeks');
  if (input.endDate !== undefined && input.endDate !== null) requireOrder(input.startDate, input.endDate, 'input.endDate');
  if (input.state.length === 0) throw badUserInput('`input.state` needs at least one state.', 'input.state');
  return defined({
    placement: ref(input.placement),
    numberOfWeeks: input.numberOfWeeks,
    startDate: wireDate(input.startDate),
    endDate: wireDate(input.endDate ?? undefined),
    temporary: input.temporary,
    state: input.state.map((state) =>
      defined({
        state: state.state,
        registeredAt: state.registeredAt.toISOString(),
        comment: state.comment,
        registeredBy: ref(state.registeredBy),
      }),
    ),
    scheduleDays: [],
    scheduleEntries: input.scheduleEntries?.map((entry, index) => {
      const at = `input.scheduleEntries[${index}]`;
      if (entry.weekOffset < 0 || entry.weekOffset >= input.numberOfWeeks)
        throw badUserInput(`\`${at}.weekOffset\` must be from 0 to numberOfWeeks - 1.`, `${at}.weekOffset`);
      const start = requireTimeOfDay(entry.startTime, `${at}.startTime`);
      const end = requireTimeOfDay(entry.endTime, `${at}.endTime`);
      if (minutesOfDay(end) <= minutesOfDay(start)) throw badUserInput(`\`${at}.endTime\` must be after its startTime.`, `${at}.endTime`);
      return { weekOffset: entry.weekOffset, dayOfWeek: entry.dayOfWeek, startTime: start, endTime: minutesOfDay(end) };
    }),
  });
};
