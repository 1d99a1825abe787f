import type * as W from '../../ss12000/wire';
import type { SchoolDay } from './calendar';
import { metaBefore } from './meta';
import type { Ref } from './model';
import type { GeneratorConfig } from './options';
import type { Random } from './random';

/** What a child's placement will say, drawn before the groups (their memberships carry the dates). */
export interface PlacementPlan {
  readonly reason: NonNullable<W.Placement['reason']>;
  readonly maxWeeklyScheduleHours: number;
  readonly startDate: string;
  readonly endDate?: string;
}

/** Whole years of age on a date. */
export const ageOn = (birthDate: string, date: string): number =>
  Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (date.slice(5) < birthDate.slice(5) ? 1 : 0);

/** Allmän förskola: 525 hours a year offered to every 3–5-year-old, about 15 a week. */
export const OFFERED_HOURS = 15;

/**
 * Most children have a place because their guardians work or study (Omsorgsbehov, 40–45 h a
 * week); some 3–5-year-olds only the offered allmän förskola (Erbjuden tid, 15 h); a few a place
 * for their own sake (Eget behov). Most start with the term; some, mostly one-year-olds, start later
 * (inskolning). The oldest leave for förskoleklass next summer; a few move away during the term.
 */
export const planPlacement = (config: GeneratorConfig, days: readonly SchoolDay[], child: W.Person, random: Random): PlacementPlan => {
  const age = ageOn(child.birthDate as string, config.termStart);
  const r = random.next();
  const reason = age >= 3 && r < 0.2 ? 'Erbjuden tid' : r > 0.92 ? 'Eget behov' : 'Omsorgsbehov';
  const maxWeeklyScheduleHours = reason === 'Erbjuden tid' ? OFFERED_HOURS : random.between(40, 45);
  // Later starts and moves fall after the first week, whose check-ins are recorded.
  const later = days.length > 10 ? Math.floor(days.length / 2) : 0;
  const start = later > 5 && random.chance(age === 1 ? 0.4 : 0.04) ? random.between(5, later) : 0;
  const startDate = start === 0 ? config.termStart : (days[start] as SchoolDay).date;
  const termYear = Number(config.termStart.slice(0, 4));
  const leavesForSchool = Number(child.birthDate?.slice(0, 4)) === termYear - 5;
  const firstMoveDay = Math.max(start + 1, 5);
  const moves = !leavesForSchool && firstMoveDay < days.length && random.chance(0.03);
  const endDate = leavesForSchool
    ? `${termYear + 1}-07-31`
    : moves
      ? (days[random.between(firstMoveDay, days.length - 1)] as SchoolDay).date
      : undefined;
  return { reason, maxWeeklyScheduleHours, startDate, ...(endDate ? { endDate } : {}) };
};

export const placementOf = (
  config: GeneratorConfig,
  plan: PlacementPlan,
  unit: Ref,
  group: Ref,
  child: W.Person,
  random: Random,
): W.Placement => ({
  id: random.uuid(),
  meta: metaBefore(random, config.termStart),
  placedAt: unit,
  group,
  child: { id: child.id },
  owners: (child.responsibles ?? []).flatMap((r) => (r.person ? [{ id: r.person.id }] : [])),
  schoolType: 'FS',
  startDate: plan.startDate,
  ...(plan.endDate ? { endDate: plan.endDate } : {}),
  reason: plan.reason,
  maxWeeklyScheduleHours: plan.maxWeeklyScheduleHours,
});
