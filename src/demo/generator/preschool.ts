// Förskola (schoolType FS): units, children with their guardians, avdelningar, staff, placements,
// vistelsescheman and check-ins. Everything is drawn from streams of its own and appended after
// the school's rows, so adding the förskola shifts no existing id or value.
import type * as W from '../../ss12000/wire';
import { buildAttendanceSchedules } from './attendance-schedules';
import type { SchoolDay } from './calendar';
import { split } from './enrolment-plan';
import type { CivicNumbers } from './identity';
import { metaBefore } from './meta';
import type { Ref } from './model';
import type { GeneratorConfig } from './options';
import { buildPreschoolCheckIns } from './preschool-attendance';
import { buildPreschoolChildren } from './preschool-children';
import { type PlacementPlan, placementOf, planPlacement } from './preschool-placements';
import { preschoolWeeks } from './preschool-schedules';
import { buildPreschoolStaff } from './preschool-staff';
import { buildPreschoolUnits, type PreschoolUnit } from './preschool-units';
import type { Random } from './random';

export interface PreschoolBuilt {
  units: PreschoolUnit[];
  organisations: W.Organisation[];
  children: W.Person[];
  guardians: W.Person[];
  staff: W.Person[];
  duties: W.Duty[];
  groups: W.Group[];
  placements: W.Placement[];
  attendanceSchedules: W.AttendanceSchedule[];
  attendanceEvents: W.AttendanceEvent[];
}

export interface PreschoolInput {
  config: GeneratorConfig;
  days: readonly SchoolDay[];
  huvudman: Ref;
  /** F-6 students: a younger sibling shares one's guardians. */
  olderSiblings: readonly W.Person[];
  civics: CivicNumbers;
  /** Guardians and staff so far, so new user names stay unique. */
  guardianCount: number;
  staffCount: number;
  stream: (name: string) => Random;
}

const AVDELNING_NAMES = ['Myran', 'Humlan', 'Fjärilen', 'Snigeln', 'Igelkotten', 'Räven', 'Ugglan', 'Haren', 'Grodan', 'Svalan'];
/** Children per avdelning aimed at: 15–20 once a förskola has more than one. */
const AVDELNING_SIZE = 17;

const avdelningName = (k: number): string =>
  `${AVDELNING_NAMES[k % AVDELNING_NAMES.length] as string}${k >= AVDELNING_NAMES.length ? ` ${Math.floor(k / AVDELNING_NAMES.length) + 1}` : ''}`;

/** A förskola's children (child indexes), youngest first, split into avdelningar of about AVDELNING_SIZE. */
const avdelningarOf = (members: number[], children: readonly W.Person[]): number[][] => {
  const born = (c: number): string => (children[c] as W.Person).birthDate as string;
  const byAge = [...members].sort((a, b) => (born(a) === born(b) ? a - b : born(a) < born(b) ? 1 : -1));
  const sizes = split(byAge.length, Math.max(1, Math.round(byAge.length / AVDELNING_SIZE)));
  let at = 0;
  return sizes.map((size) => byAge.slice(at, (at += size)));
};

export const buildPreschool = (input: PreschoolInput): PreschoolBuilt => {
  const { config, days, civics, stream } = input;
  const { units, organisations } = buildPreschoolUnits(config, input.huvudman, stream('preschoolUnits'));
  const people = buildPreschoolChildren(config, input.olderSiblings, civics, input.guardianCount, stream('preschoolChildren'));
  const { children } = people;
  const placementRandom = stream('preschoolPlacements');
  const plans = children.map((child): PlacementPlan => planPlacement(config, days, child, placementRandom));

  const groupRandom = stream('preschoolGroups');
  const groups: W.Group[] = [];
  const groupsOfUnit = new Map<number, W.Group[]>();
  const placed: { child: number; unit: PreschoolUnit; group: W.Group }[] = [];
  let first = 0;
  split(children.length, units.length).forEach((count, u) => {
    const unit = units[u] as PreschoolUnit;
    const members = Array.from({ length: count }, (_, k) => first + k);
    first += count;
    const unitGroups = avdelningarOf(members, children).map((avdelning, k): W.Group => {
      const group: W.Group = {
        id: groupRandom.uuid(),
        meta: metaBefore(groupRandom, config.termStart),
        displayName: avdelningName(k),
        startDate: config.termStart,
        endDate: config.termEnd,
        groupType: 'Avdelning',
        schoolType: 'FS',
        organisation: unit.ref,
        groupMemberships: avdelning.map((c) => {
          const plan = plans[c] as PlacementPlan;
          const endDate = plan.endDate !== undefined && plan.endDate < config.termEnd ? plan.endDate : config.termEnd;
          return { person: { id: (children[c] as W.Person).id }, startDate: plan.startDate, endDate };
        }),
      };
      for (const c of avdelning) placed.push({ child: c, unit, group });
      return group;
    });
    groups.push(...unitGroups);
    groupsOfUnit.set(unit.index, unitGroups);
  });

  const staff = buildPreschoolStaff(config, units, groupsOfUnit, civics, input.staffCount, stream('preschoolStaff'));
  // Placements in child order, so a child's placement sits where the child does in the persons list.
  placed.sort((a, b) => a.child - b.child);
  const placements = placed.map(({ child, unit, group }) =>
    placementOf(config, plans[child] as PlacementPlan, unit.ref, { id: group.id }, children[child] as W.Person, placementRandom),
  );
  const attendanceSchedules = buildAttendanceSchedules(config, placements, stream('preschoolSchedules'), preschoolWeeks);
  const attendanceEvents = buildPreschoolCheckIns(days, placements, attendanceSchedules, staff.staffOfGroup, stream('preschoolCheckIns'));
  return {
    units,
    organisations,
    ...people,
    staff: staff.staff,
    duties: staff.duties,
    groups,
    placements,
    attendanceSchedules,
    attendanceEvents,
  };
};
