import type * as W from '../../ss12000/wire';
import { split, type PlannedClass } from './enrolment-plan';
import type { Membership } from './groups';
import { metaBefore } from './meta';
import type { UnitInfo } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

/** One mentor group (groupType Mentor) and what its mentor time is planned from. */
export interface MentorGroup {
  group: W.Group;
  class: PlannedClass;
  /** The class's number within its unit, which picks its home room. */
  classInUnit: number;
  /** 1 or 2: which half of the class. */
  half: number;
  /** Sorted student indexes. */
  members: Int32Array;
  mentor: W.Duty;
}

/**
 * At 7-9 and gymnasium units each class is split in two mentor groups ("Grupp med elever vilka delar
 * samma mentor/mentorer"). Group 1's mentor is the class's mentor; group 2's comes from a rotation that
 * starts after the class mentors (teacher C + k for the unit's k-th of C classes), so the extra groups go
 * to teachers without a class first and every teacher has at most ⌈2C/T⌉ mentor groups. Each mentor's
 * Duty gets an assignmentRole {group, Mentor}; the class mentor entries stay as they are.
 */
export const buildMentorGroups = (
  config: GeneratorConfig,
  units: readonly UnitInfo[],
  classes: readonly PlannedClass[],
  classGroups: readonly W.Group[],
  memberships: readonly Membership[],
  duties: readonly W.Duty[],
  random: Random,
): MentorGroup[] => {
  const dutyById = new Map(duties.map((d) => [d.id, d]));
  const classMentor = new Map<string, W.Duty>();
  for (const duty of duties)
    for (const role of duty.assignmentRole ?? []) if (role.assignmentRoleType === 'Mentor') classMentor.set(role.group.id, duty);
  const classesInUnit = new Map<number, number>();
  for (const c of classes) classesInUnit.set(c.unit, (classesInUnit.get(c.unit) ?? 0) + 1);
  const seen = new Map<number, number>();
  const mentorGroups: MentorGroup[] = [];
  classes.forEach((c, ci) => {
    const k = seen.get(c.unit) ?? 0;
    seen.set(c.unit, k + 1);
    const unit = units[c.unit] as UnitInfo;
    if (unit.kind === 'F-6') return;
    const classGroup = classGroups[ci] as W.Group;
    const first = classMentor.get(classGroup.id) as W.Duty;
    const teachers = unit.teacherDuties;
    let t = ((classesInUnit.get(c.unit) as number) + k) % teachers.length;
    // Only a unit with a single teacher gives both halves the same mentor.
    if ((teachers[t] as { id: string }).id === first.id) t = (t + 1) % teachers.length;
    const second = dutyById.get((teachers[t] as { id: string }).id) as W.Duty;
    const [size1] = split(c.count, 2) as [number, number];
    [first, second].forEach((mentor, i) => {
      const from = i === 0 ? c.first : c.first + size1;
      const to = i === 0 ? c.first + size1 : c.first + c.count;
      const group: W.Group = {
        id: random.uuid(),
        meta: metaBefore(random, config.termStart),
        displayName: `${c.name} mentorsgrupp ${i + 1}`,
        startDate: config.termStart,
        endDate: config.termEnd,
        groupType: 'Mentor',
        schoolType: c.schoolType,
        organisation: unit.ref,
        groupMemberships: memberships.slice(from, to),
      };
      (mentor.assignmentRole ??= []).push({
        group: { id: group.id },
        assignmentRoleType: 'Mentor',
        startDate: config.termStart,
        endDate: config.termEnd,
      });
      const members = Int32Array.from({ length: to - from }, (_, s) => from + s);
      mentorGroups.push({ group, class: c, classInUnit: k, half: i + 1, members, mentor });
    });
  });
  return mentorGroups;
};
