import type { PlannedActivity } from './activities';
import type { MentorGroup } from './mentor-groups';
import type { Ref } from './model';
import type { Random } from './random';
import { MENTOR_PERIOD } from './timetable';

/**
 * Mentor time: one weekly Elevaktivitet per mentor group (the spec names mentorstid as its example),
 * led by the group's mentor in the class's home room at MENTOR_TIME. The slot is outside every lesson
 * period, so only mentor time can clash with mentor time: each group takes the first weekday of a
 * shuffled week on which neither its mentor nor its room has mentor time yet. The two halves of a class
 * share the room, so they meet on different days. A mentor with more than five groups (a unit with too
 * few teachers) cannot avoid clashes: then the day with the fewest of the mentor's groups is taken, as
 * the timetable takes the freest teacher; the room, which only the two halves use, never clashes.
 */
export const planMentorTime = (
  mentorGroups: readonly MentorGroup[],
  homeRoomOf: (unit: number, k: number) => number,
  random: Random,
): PlannedActivity[] => {
  // Mentor-time meetings per weekday (index 1..5), per mentor duty id and per room index.
  const teacherDays = new Map<string, number[]>();
  const roomDays = new Map<number, number[]>();
  const daysOf = <K>(busy: Map<K, number[]>, key: K): number[] => {
    const days = busy.get(key) ?? [0, 0, 0, 0, 0, 0];
    busy.set(key, days);
    return days;
  };
  return mentorGroups.map((m): PlannedActivity => {
    const room = homeRoomOf(m.class.unit, m.classInUnit);
    const teacher = daysOf(teacherDays, m.mentor.id);
    const booked = daysOf(roomDays, room);
    const cost = (day: number): number => 100 * (booked[day] as number) + (teacher[day] as number);
    const week = random.shuffle([1, 2, 3, 4, 5]);
    const weekday = week.reduce((best, day) => (cost(day) < cost(best) ? day : best));
    teacher[weekday] = (teacher[weekday] as number) + 1;
    booked[weekday] = (booked[weekday] as number) + 1;
    return {
      info: {
        ref: { id: random.uuid() },
        unit: m.class.unit,
        schoolType: m.class.schoolType,
        group: { id: m.group.id },
        className: m.class.name,
        schoolYear: m.class.schoolYear,
        members: m.members,
        teacherDuty: { id: m.mentor.id },
        teacherPerson: m.mentor.person as Ref,
        graded: false,
        firstEvent: 0,
        eventCount: 0,
      },
      displayName: `${m.class.name} Mentorstid ${m.half}`,
      slots: [{ weekday, period: MENTOR_PERIOD }],
      room,
      activityType: 'Elevaktivitet',
    };
  });
};
